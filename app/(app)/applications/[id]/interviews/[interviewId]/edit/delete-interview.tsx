'use client';

import { useActionState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SubmitButton } from '@/components/ui/submit-button';
import { removeInterview } from '../../actions';

function DeleteForm({ applicationId, interviewId }: { applicationId: string; interviewId: string }) {
  const [state, formAction] = useActionState(removeInterview, { ok: false });
  return (
    <form action={formAction}>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="interviewId" value={interviewId} />
      <SubmitButton pendingLabel="Deleting…" className="bg-red-800 hover:bg-red-700">
        Delete interview
      </SubmitButton>
      <p role="status" aria-live="polite" className="text-sm text-red-700">
        {state.message}
      </p>
    </form>
  );
}

export function DeleteInterview({ applicationId, interviewId }: { applicationId: string; interviewId: string }) {
  return (
    <ConfirmDialog
      trigger="Delete interview…"
      title="Delete this interview?"
      form={<DeleteForm applicationId={applicationId} interviewId={interviewId} />}
    >
      <p>
        This deletes the interview with its notes, what impressed you and the list of who was there. The people stay on the
        application and in your contacts; the timeline keeps the line that it was logged. Thank-you letters already sent stay
        on your Letters page; letters not sent yet go with it.
      </p>
    </ConfirmDialog>
  );
}
