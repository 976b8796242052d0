'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { clearAddressFlagAction } from '@/app/(app)/letters/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

/**
 * A contact whose address bounced or complained: no letter goes there until
 * the person fixes the address (edit) or says it is right after all.
 */
export function AddressFlag({
  contactId,
  email,
  reason,
  letterId,
}: {
  contactId: string;
  email: string;
  reason: 'bounced' | 'complained' | 'suppressed' | string;
  letterId: string | null;
}) {
  const [state, action] = useActionState(clearAddressFlagAction, { ok: false });
  const what =
    reason === 'complained'
      ? 'marked a letter from you as spam'
      : reason === 'suppressed'
        ? 'is on Resend’s suppression list'
        : 'bounced';
  if (state.ok) return <FormMessage ok message={state.message} />;
  return (
    <form action={action} className="mb-6 space-y-2 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-950">
      <input type="hidden" name="contactId" value={contactId} />
      <p>
        <strong>{email}</strong> {what}
        {letterId && (
          <>
            {' '}
            (<Link href={`/letters/${letterId}`} className="underline">
              see the letter
            </Link>)
          </>
        )}
        . Afterword will not write to it until you fix it.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/contacts/${contactId}/edit`} className="font-medium underline">
          Fix the address
        </Link>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          The address is right: write to it again
        </SubmitButton>
      </div>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
