'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { clearAddressFlagAction } from '@/app/(app)/letters/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { COMPLAINED_FOR_GOOD } from '@/lib/letters/address-flags';

/**
 * A contact whose address bounced or complained. A bounce holds until the
 * person fixes the address (edit), or saves it as it is and says it is right
 * after all. A complaint holds for good.
 */
export function AddressFlag({
  contactId,
  email,
  reason,
  letterId,
  editedSince,
}: {
  contactId: string;
  email: string;
  reason: 'bounced' | 'complained' | 'suppressed' | string;
  letterId: string | null;
  /** Saved since it was flagged: only then may a bounce be cleared. */
  editedSince: boolean;
}) {
  const [state, action] = useActionState(clearAddressFlagAction, { ok: false });
  const what = reason === 'suppressed' ? 'is on Resend’s suppression list' : 'bounced';
  if (state.ok) return <FormMessage ok message={state.message} />;
  const seeLetter = letterId && (
    <>
      {' '}
      (<Link href={`/letters/${letterId}`} className="underline">
        see the letter
      </Link>)
    </>
  );
  if (reason === 'complained') {
    return (
      <div role="status" className="mb-6 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-950">
        <p>
          <strong>{email}</strong>
          {seeLetter}: {COMPLAINED_FOR_GOOD}
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="mb-6 space-y-2 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-950">
      <input type="hidden" name="contactId" value={contactId} />
      <p>
        <strong>{email}</strong> {what}
        {seeLetter}. Afterword will not write to it until you fix it
        {editedSince ? ', or tell it the address is right.' : ': correct it, or save it as it is if it is right.'}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/contacts/${contactId}/edit`} className="font-medium underline">
          Fix the address
        </Link>
        {editedSince && (
          <SubmitButton variant="secondary" pendingLabel="Saving…">
            The address is right: write to it again
          </SubmitButton>
        )}
      </div>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
