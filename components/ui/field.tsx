import type { ComponentProps } from 'react';

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
} & (({ multiline?: false } & ComponentProps<'input'>) | ({ multiline: true } & ComponentProps<'textarea'>));

/**
 * A labelled input whose error sits right under it, is announced by screen
 * readers (aria-live) and is tied to the input with aria-describedby.
 */
export function Field({ name, label, hint, errors, multiline, ...props }: FieldProps) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hintId, invalid ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  const className = `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm sm:text-sm ${
    invalid ? 'border-red-600' : 'border-stone-300'
  }`;
  const shared = { id, name, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy, className };

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
      {multiline ? (
        <textarea {...(props as ComponentProps<'textarea'>)} {...shared} />
      ) : (
        <input {...(props as ComponentProps<'input'>)} {...shared} />
      )}
      <p id={errorId} aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">
        {errors?.join(' ')}
      </p>
    </div>
  );
}
