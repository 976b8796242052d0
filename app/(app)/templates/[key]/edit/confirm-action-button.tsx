'use client';

import { type ReactNode, useActionState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormAction } from '@/lib/actions/state';


/** A destructive step on a template (reset, delete): asks first, then posts its hidden fields to the action. */
export function ConfirmActionButton({
  action,
  fields,
  trigger,
  title,
  confirmLabel,
  pendingLabel,
  children,
}: {
  action: FormAction;
  fields: Record<string, string>;
  trigger: string;
  title: string;
  confirmLabel: string;
  pendingLabel: string;
  children: ReactNode;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <ConfirmDialog
      trigger={trigger}
      title={title}
      form={
        <form action={formAction}>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <SubmitButton pendingLabel={pendingLabel} className="bg-red-800 hover:bg-red-700">
            {confirmLabel}
          </SubmitButton>
        </form>
      }
    >
      {children}
      <FormMessage ok={state.ok} message={Object.values(state.fieldErrors ?? {})[0]?.[0] ?? state.message} />
    </ConfirmDialog>
  );
}
