'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { sendFromDigestAction } from '../../actions';

/** Only this post sends: a mail scanner that opens the link sends nothing. */
export function SendFromDigest({ token, label }: { token: string; label: string }) {
  const [state, formAction] = useActionState(sendFromDigestAction, { ok: false });
  return (
    <form action={formAction} className="mt-6 space-y-2">
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Sending…">{label}</SubmitButton>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
