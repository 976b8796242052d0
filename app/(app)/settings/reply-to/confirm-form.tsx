'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { confirmReplyToAction } from '../actions';

/** Only this post spends the link, so a mail scanner that opens it confirms nothing. */
export function ConfirmReplyTo({ token }: { token: string }) {
  const [state, formAction] = useActionState(confirmReplyToAction, { ok: false });
  if (state.ok) {
    return (
      <>
        <FormMessage ok message={state.message} />
        <Link href="/settings" className="mt-2 inline-block text-sm underline">
          Back to Settings
        </Link>
      </>
    );
  }
  return (
    <form action={formAction} className="mt-6 space-y-2">
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Confirming…">Confirm</SubmitButton>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
