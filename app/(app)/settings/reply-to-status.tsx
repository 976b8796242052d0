'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { resendReplyToLinkAction } from './actions';

/** The reply-to address waiting for its link, where replies go meanwhile, and "Resend link". */
export function ReplyToStatus({ address, expired, inUse }: { address: string; expired: boolean; inUse: string }) {
  const [state, formAction] = useActionState(resendReplyToLinkAction, { ok: false });
  return (
    <form action={formAction} className="mt-4 max-w-xl rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-stone-800">
      <p>
        {expired ? (
          <>
            Waiting for confirmation: the link we sent to <strong className="break-all">{address}</strong> has expired.
          </>
        ) : (
          <>
            Waiting for confirmation: we sent a link to <strong className="break-all">{address}</strong>.
          </>
        )}{' '}
        <SubmitButton variant="secondary" pendingLabel="Sending…" className="ml-1 px-2 py-0.5 text-sm">
          {expired ? 'Send a new link' : 'Resend link'}
        </SubmitButton>
      </p>
      <p className="mt-1 text-stone-600">Until you confirm it, replies go to {inUse}.</p>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
