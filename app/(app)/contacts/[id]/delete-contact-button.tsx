'use client';

import { useActionState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/state';
import { plural } from '@/lib/words';
import { deleteContactAction } from '../actions';

/** Deleting asks first, and says what goes with the contact and what stays. */
export function DeleteContactButton({
  contact,
  applications,
  interviews,
}: {
  contact: { id: string; name: string };
  applications: number;
  interviews: number;
}) {
  const [state, formAction] = useActionState<ActionState, FormData>(deleteContactAction, { ok: false });
  const links = [
    applications > 0 ? `their links to ${plural(applications, 'application', 'applications')}` : null,
    interviews > 0 ? `their attendance at ${plural(interviews, 'interview', 'interviews')}` : null,
    'their activity history',
  ].filter(Boolean);
  return (
    <ConfirmDialog
      trigger="Delete"
      title={`Delete ${contact.name}?`}
      form={
        <form action={formAction}>
          <input type="hidden" name="id" value={contact.id} />
          <SubmitButton pendingLabel="Deleting…" className="bg-red-800 hover:bg-red-700">
            Delete contact
          </SubmitButton>
        </form>
      }
    >
      <p>
        This deletes {contact.name} and {links.join(', ').replace(/, ([^,]*)$/, ' and $1')}. The applications and
        interviews themselves stay. This cannot be undone.
      </p>
      <FormMessage ok={state.ok} message={state.fieldErrors?.id?.[0] ?? state.message} />
    </ConfirmDialog>
  );
}
