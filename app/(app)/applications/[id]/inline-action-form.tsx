'use client';

import { type ReactNode, useActionState } from 'react';
import type { ButtonVariant } from '@/components/ui/button';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormAction } from '@/lib/actions/state';

/**
 * A one-button form (make primary, remove, archive): hidden ids, a pending
 * state, and the outcome announced beside it. A malformed id comes back as a
 * field error; it is shown like any refusal.
 */
export function InlineActionForm({
  action,
  fields,
  children,
  pendingLabel,
  variant = 'secondary',
}: {
  action: FormAction;
  fields: Record<string, string>;
  children: ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  const message = Object.values(state.fieldErrors ?? {}).flat()[0] ?? state.message;
  return (
    <form action={formAction} className="inline-flex flex-col items-start">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {/* One span, so the button's flex gap does not open up around screen-reader-only words. */}
        <span>{children}</span>
      </SubmitButton>
      <p role="status" aria-live="polite" className={`text-sm ${state.ok ? 'text-green-800' : 'text-red-700'}`}>
        {message}
      </p>
    </form>
  );
}
