import type { ReactNode } from 'react';

/**
 * The ids and ARIA wiring every form control shares: its error sits right
 * under it, is announced (aria-live), and is tied to it by aria-describedby.
 */
export function fieldWiring(id: string, hint: string | undefined, errors: string[] | undefined) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  return {
    hintId,
    errorId,
    control: {
      id,
      'aria-invalid': invalid || undefined,
      'aria-describedby': [hintId, invalid ? errorId : undefined].filter(Boolean).join(' ') || undefined,
      className: `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm sm:text-sm ${
        invalid ? 'border-red-600' : 'border-stone-300'
      }`,
    },
  };
}

export function FieldFrame({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: ReactNode;
}) {
  const { hintId, errorId } = fieldWiring(id, hint, errors);
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
      {children}
      <p id={errorId} aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">
        {errors?.join(' ')}
      </p>
    </div>
  );
}
