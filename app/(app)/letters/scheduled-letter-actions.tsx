'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/state';
import { cancelLetterAction, rescheduleLetterAction } from './actions';
import { SendLaterChoice, type SendLaterProps } from './send-later-fields';

export type RescheduleProps = Pick<SendLaterProps, 'morning' | 'zone' | 'profileZone' | 'defaultSendAt'>;

/**
 * Stops a scheduled letter. The outcome goes to `onOutcome` when the caller
 * says it (a list, whose row disappears once the letter is no longer
 * scheduled), and under the button otherwise.
 */
export function CancelScheduled({
  letterId,
  about,
  onOutcome,
}: {
  letterId: string;
  /** Which letter, for screen readers where a page lists several. */
  about?: string;
  onOutcome?: (outcome: ActionState) => void;
}) {
  const [state, action] = useActionState(async (previous: ActionState, formData: FormData) => {
    const outcome = await cancelLetterAction(previous, formData);
    onOutcome?.(outcome);
    return outcome;
  }, { ok: false });
  return (
    <form action={action} className="contents">
      <input type="hidden" name="letterIds" value={letterId} />
      <SubmitButton variant="secondary" className="text-red-800" pendingLabel="Cancelling…">
        Cancel it{about && <span className="sr-only"> ({about})</span>}
      </SubmitButton>
      {!onOutcome && <FormMessage ok={state.ok} message={state.message} />}
    </form>
  );
}

/** Another time for a scheduled letter: the same two choices as sending it later. */
export function RescheduleLetter({ letterId, about, className, ...later }: RescheduleProps & { letterId: string; about?: string; className?: string }) {
  const [state, action] = useActionState(rescheduleLetterAction, { ok: false });
  return (
    <form action={action} noValidate className={className}>
      <input type="hidden" name="letterId" value={letterId} />
      <SendLaterChoice
        summary={
          <>
            Reschedule…{about && <span className="sr-only"> ({about})</span>}
          </>
        }
        {...later}
        errors={state.fieldErrors}
        values={state.values}
        morningLabel="Move to tomorrow morning"
        atLabel="Move to this time"
      />
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
