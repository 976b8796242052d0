'use client';

import { createContext, type ReactNode, use, useActionState, useState } from 'react';
import { dueRowAction } from '@/app/(app)/dashboard/actions';
import { Button } from '@/components/ui/button';
import { Working } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/state';
import { type DueListKey, SNOOZE_DAYS } from '@/lib/dashboard/due-rules';

/** A button under a row: what it does (its value, before the row's subject), and its words. */
type RowButton = { value: string; label: string; pendingLabel: string };

const dismiss = (kind: string): RowButton => ({ value: `dismiss:${kind}`, label: 'Dismiss', pendingLabel: 'Dismissing…' });

/** The buttons under each list's rows: the same for every row of a list, so they are named here once, not sent with every row. */
const ROW_BUTTONS: Record<DueListKey, RowButton[]> = {
  impressions: [dismiss('impression')],
  'thank-you': [dismiss('interview_thanks')],
  'rejection-thanks': [dismiss('rejection_thanks')],
  plans: [dismiss('plan_follow_up')],
  'follow-ups': [
    { value: 'replied', label: 'They replied', pendingLabel: 'Saving…' },
    { value: 'snooze', label: `Snooze ${SNOOZE_DAYS / 7} weeks`, pendingLabel: 'Snoozing…' },
    { value: 'stop', label: 'Stop follow-ups', pendingLabel: 'Stopping…' },
  ],
  letters: [dismiss('letter')],
  quiet: [{ value: 'ghosted', label: 'Mark as ghosted', pendingLabel: 'Moving…' }, dismiss('quiet_application')],
};

const FORM_ID = 'due-row-actions';

type Pressed = { state: ActionState; pending: boolean; pressed?: string };
const RowActions = createContext<Pressed>({ state: { ok: false }, pending: false });

/**
 * The one form behind every button under the rows of What is due. A button
 * belongs to it by its `form` attribute and says what to do to which row in
 * its value (`snooze:<contact>`, `dismiss:letter:<letter>`): the server
 * reads the rest, scoped to the person. One form, not one per row, so the
 * page carries React's fields for a form without JavaScript once.
 */
export function DueRowActionsForm({ children }: { children: ReactNode }) {
  const [state, formAction, pending] = useActionState(dueRowAction, { ok: false });
  const [pressed, setPressed] = useState<string>();
  return (
    <RowActions value={{ state, pending, pressed }}>
      {children}
      <form
        id={FORM_ID}
        action={formAction}
        onSubmit={(event) => setPressed((event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') ?? undefined)}
      />
    </RowActions>
  );
}

/**
 * The small buttons under a row (they replied, snooze, stop, mark as
 * ghosted, dismiss). `about` names the row for screen readers, since every
 * row has the same buttons. While one works, the row's buttons wait; on
 * success the row leaves the list; an error stays beside the buttons.
 */
export function DueRowButtons({ list, subject, about }: { list: DueListKey; subject: string; about: string }) {
  const { state, pending, pressed } = use(RowActions);
  // Without JavaScript nothing was pressed here: the answer echoes the button that was.
  const last = pressed ?? state.values?.row;
  const mine = last?.endsWith(`:${subject}`) ?? false;
  return (
    <>
      {ROW_BUTTONS[list].map((button) => {
        const value = `${button.value}:${subject}`;
        return (
          <Button
            key={button.value}
            type="submit"
            variant="secondary"
            form={FORM_ID}
            name="row"
            value={value}
            disabled={pending && mine}
            aria-disabled={(pending && mine) || undefined}
          >
            {pending && value === last ? (
              <Working label={button.pendingLabel} />
            ) : (
              <>
                {button.label}
                <span className="sr-only">{` (${about})`}</span>
              </>
            )}
          </Button>
        );
      })}
      {mine && !pending && !state.ok && state.message && (
        <p role="alert" className="due-problem">
          {problem(state)}
        </p>
      )}
    </>
  );
}

// The row's fields are in the button, so a field's own error is the message to show.
const problem = (state: ActionState) => Object.values(state.fieldErrors ?? {}).flat()[0] ?? state.message;
