'use client';

import { useActionState } from 'react';
import { decideLetterAction } from '@/app/(app)/letters/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

/**
 * For a letter that could not be sent within 23 hours, or was held at its
 * time (`held`): the person decides, never the queue.
 */
export function LetterDecision({ letterId, held = false }: { letterId: string; held?: boolean }) {
  const [state, action] = useActionState(decideLetterAction, { ok: false });
  return (
    <form action={action} className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
      <input type="hidden" name="letterId" value={letterId} />
      <p className="text-sm text-stone-900">
        {held
          ? 'Nothing was sent. Send it as it is, or discard it.'
          : 'Resend may or may not have sent it: after 24 hours it forgets a letter’s key, so sending again could send a second copy. Check with the recipient if you can.'}
      </p>
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="choice" value="send_again" pendingLabel="Sending…">
          {held ? 'Send it now' : 'Send it again'}
        </SubmitButton>
        <SubmitButton name="choice" value="discard" variant="secondary" pendingLabel="Discarding…">
          Discard it
        </SubmitButton>
      </div>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
