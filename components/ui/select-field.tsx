import type { ComponentProps } from 'react';
import { FieldFrame, fieldWiring } from './field-frame';

/** A labelled <select> with its error under it, wired like Field. */
export function SelectField({
  name,
  label,
  options,
  errors,
  hint,
  ...props
}: {
  name: string;
  label: string;
  options: readonly { id: string; label: string }[];
  errors?: string[];
  hint?: string;
} & Omit<ComponentProps<'select'>, 'name' | 'children'>) {
  const id = props.id ?? `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      <select {...props} {...fieldWiring(id, hint, errors).control} name={name}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
