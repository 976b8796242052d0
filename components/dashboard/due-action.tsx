'use client';

import { useActionState } from 'react';
import { dismissDueAction } from '@/app/(app)/dashboard/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import type { DueKind } from '@/db/schema';
import type { ActionState } from '@/lib/actions/action';

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

/**
 * One small button on a row of "What is due" (dismiss, snooze, they replied,
 * mark as ghosted). `about` names the row for screen readers, since every
 * row has the same buttons. On success the row leaves the list; an error
 * stays beside the button.
 */
export function DueAction({
  action,
  fields,
  label,
  pendingLabel,
  about,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  about: string;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="inline-flex flex-col">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant="secondary" pendingLabel={pendingLabel}>
        {label}
        <span className="sr-only"> ({about})</span>
      </SubmitButton>
      {!state.ok && state.message && (
        <p role="alert" className="mt-1 max-w-xs text-sm text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

/** "Dismiss": the row goes, and stays gone until what it is about changes. */
export function DismissButton({ kind, subjectId, about }: { kind: DueKind; subjectId: string; about: string }) {
  return (
    <DueAction action={dismissDueAction} fields={{ kind, subjectId }} label="Dismiss" pendingLabel="Dismissing…" about={about} />
  );
}
