import type { ComponentProps } from 'react';

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
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : undefined;
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mt-0.5 text-sm text-stone-600">
          {hint}
        </p>
      )}
      <select
        {...props}
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={[hintId, invalid ? errorId : undefined].filter(Boolean).join(' ') || undefined}
        className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm sm:text-sm ${
          invalid ? 'border-red-600' : 'border-stone-300'
        }`}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <p id={errorId} aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">
        {errors?.join(' ')}
      </p>
    </div>
  );
}
