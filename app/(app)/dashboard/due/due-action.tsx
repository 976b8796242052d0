'use client';

import { useActionState } from 'react';
import { dueRowAction } from '@/app/(app)/dashboard/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/state';
import type { DueKind, DueRowIntent } from '@/lib/dashboard/due-rules';

export type DueButton = { intent: DueRowIntent; label: string; pendingLabel: string };

/**
 * The small buttons under a row of "What is due" (they replied, snooze,
 * stop, mark as ghosted, dismiss): one form per row, the pressed button's
 * `intent` saying what to do. `fields` name the row's subject; `about` names
 * the row for screen readers, since every row has the same buttons. On
 * success the row leaves the list; an error stays beside the buttons.
 */
export function DueRowActions({ fields, buttons, about }: { fields: Record<string, string>; buttons: DueButton[]; about: string }) {
  const [state, formAction] = useActionState(dueRowAction, { ok: false });
  return (
    <form action={formAction} className="flex flex-col gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-wrap gap-2">
        {buttons.map((button) => (
          <SubmitButton key={button.intent} variant="secondary" name="intent" value={button.intent} pendingLabel={button.pendingLabel}>
            {button.label}
            <span className="sr-only"> ({about})</span>
          </SubmitButton>
        ))}
      </div>
      {!state.ok && state.message && (
        <p role="alert" className="max-w-xs text-sm text-red-700">
          {problem(state)}
        </p>
      )}
    </form>
  );
}

// The fields are hidden, so a field's own error is the message to show.
const problem = (state: ActionState) => Object.values(state.fieldErrors ?? {}).flat()[0] ?? state.message;

export const DISMISS: DueButton = { intent: 'dismiss', label: 'Dismiss', pendingLabel: 'Dismissing…' };

/** "Dismiss" alone: the row goes, and stays gone until what it is about changes. */
export function DismissButton({ kind, subjectId, about }: { kind: DueKind; subjectId: string; about: string }) {
  return <DueRowActions fields={{ kind, subjectId }} buttons={[DISMISS]} about={about} />;
}
