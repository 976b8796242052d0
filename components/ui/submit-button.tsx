'use client';

import { useFormStatus } from 'react-dom';
import { Button, type ButtonVariant } from './button';

/**
 * A form's submit button that says it is working while the action runs.
 * With `name` and `value` (a form with two submit buttons), only the one
 * that was pressed says so; both are disabled.
 */
export function SubmitButton({
  children,
  pendingLabel,
  variant,
  className,
  name,
  value,
}: {
  children: React.ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
  className?: string;
  name?: string;
  value?: string;
}) {
  const { pending, data } = useFormStatus();
  const pressed = pending && (!name || data?.get(name) === value);
  return (
    <Button type="submit" variant={variant} className={className} name={name} value={value} disabled={pending} aria-disabled={pending || undefined}>
      {pressed ? <Working label={pendingLabel} /> : children}
    </Button>
  );
}

/** A button's words while its action runs, after a spinner. */
export function Working({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />
      <span>{label}</span>
    </>
  );
}
