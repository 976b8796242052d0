import type { ComponentProps } from 'react';
import { FieldFrame, fieldWiring } from './field-frame';

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
} & (({ multiline?: false } & ComponentProps<'input'>) | ({ multiline: true } & ComponentProps<'textarea'>));

/** A labelled input or textarea with its error under it. */
export function Field({ name, label, hint, errors, multiline, ...props }: FieldProps) {
  const id = props.id ?? `field-${name}`;
  const shared = { ...fieldWiring(id, hint, errors).control, name };
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {multiline ? (
        <textarea {...(props as ComponentProps<'textarea'>)} {...shared} />
      ) : (
        <input {...(props as ComponentProps<'input'>)} {...shared} />
      )}
    </FieldFrame>
  );
}
