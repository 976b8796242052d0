'use client';

import { useActionState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SubmitButton } from '@/components/ui/submit-button';
import { plural } from '@/lib/words';
import { archiveApplication, removeApplication } from './actions';
import { InlineActionForm } from './inline-action-form';


function DeleteForm({ applicationId }: { applicationId: string }) {
  const [state, formAction] = useActionState(removeApplication, { ok: false });
  return (
    <form action={formAction}>
      <input type="hidden" name="applicationId" value={applicationId} />
      <SubmitButton pendingLabel="Deleting…" className="bg-red-800 hover:bg-red-700">
        Delete application
      </SubmitButton>
      <p role="status" aria-live="polite" className="text-sm text-red-700">
        {state.fieldErrors?.applicationId?.[0] ?? state.message}
      </p>
    </form>
  );
}

/** Archive (off the board, kept) or delete (gone, with what hangs off it; the contacts stay). */
export function ManageApplication({
  applicationId,
  archived,
  interviewCount,
  contactCount,
}: {
  applicationId: string;
  archived: boolean;
  interviewCount: number;
  contactCount: number;
}) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      <InlineActionForm
        action={archiveApplication}
        fields={{ applicationId, archived: String(!archived) }}
        pendingLabel={archived ? 'Restoring…' : 'Archiving…'}
      >
        {archived ? 'Restore to the board' : 'Archive'}
      </InlineActionForm>
      <ConfirmDialog trigger="Delete…" title="Delete this application?" form={<DeleteForm applicationId={applicationId} />}>
        <p>
          This deletes the application for good, with {plural(interviewCount, 'interview', 'interviews')}, its links to{' '}
          {plural(contactCount, 'contact', 'contacts')} and its whole history (stage moves and timeline).
        </p>
        <p className="mt-2">
          Letters already sent stay on your Letters page, marked “Application deleted”; letters not sent yet go with it. The
          contacts themselves stay in your contacts. To only hide it from the board, archive it instead.
        </p>
      </ConfirmDialog>
    </div>
  );
}
