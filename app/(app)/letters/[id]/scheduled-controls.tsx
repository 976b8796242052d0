'use client';

import { useActionState, useState } from 'react';
import { LeavesAt } from '@/components/letters/leaves-at';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/state';
import { rewriteLetterAction } from '../actions';
import { CancelScheduled, RescheduleLetter, type RescheduleProps } from '../scheduled-letter-actions';

type Props = RescheduleProps & {
  letterId: string;
  /** False once it has left or was stopped: only what came of the last click stays. */
  scheduled: boolean;
  leavesAt: Date;
  automatic: boolean;
  subject: string;
  body: string;
};

/**
 * A scheduled letter's page: when it leaves, and moving, rewording or
 * stopping it. Drawn for every letter, so that once a cancel has stopped it
 * (or found it already gone) the answer stays on the page that now shows its
 * new status.
 */
export function ScheduledControls({ letterId, scheduled, leavesAt, automatic, subject, body, ...later }: Props) {
  const [outcome, setOutcome] = useState<ActionState | null>(null);
  if (!scheduled) return outcome ? <FormMessage ok={outcome.ok} message={outcome.message} /> : null;
  const when = <LeavesAt at={leavesAt} zone={later.zone} profileZone={later.profileZone} />;
  return (
    <div className="mt-3 space-y-2">
      <p className="font-medium text-stone-900">{automatic ? <>Goes out {when} unless you stop it.</> : <>Leaves {when}.</>}</p>
      {/* One row of buttons; a choice that opens takes the whole width. */}
      <div className="flex flex-wrap items-start gap-2">
        <CancelScheduled letterId={letterId} onOutcome={setOutcome} />
        <RescheduleLetter letterId={letterId} className="has-[details[open]]:basis-full" {...later} />
        <EditScheduled letterId={letterId} subject={subject} body={body} />
      </div>
      <FormMessage ok={outcome?.ok} message={outcome?.message} />
    </div>
  );
}

/** New words for the letter before it leaves; the server renders it again, and the page shows the result. */
function EditScheduled({ letterId, subject, body }: { letterId: string; subject: string; body: string }) {
  const [state, action] = useActionState(rewriteLetterAction, { ok: false });
  return (
    <details open={Boolean(state.fieldErrors) || undefined} className="open:basis-full">
      <summary className="btn btn-secondary cursor-pointer list-none [&::-webkit-details-marker]:hidden">Edit the words…</summary>
      <form action={action} noValidate className="mt-3 space-y-1 rounded-lg border border-stone-200 bg-white p-4">
        <input type="hidden" name="letterId" value={letterId} />
        <Field id="scheduled-subject" name="subject" label="Subject" defaultValue={state.values?.subject ?? subject} errors={state.fieldErrors?.subject} />
        <Field
          id="scheduled-body"
          name="body"
          label="Letter"
          multiline
          rows={12}
          defaultValue={state.values?.body ?? body}
          errors={state.fieldErrors?.body}
        />
        <SubmitButton pendingLabel="Saving…">Save the words</SubmitButton>
        <FormMessage ok={state.ok} message={state.message} />
      </form>
    </details>
  );
}
