'use client';

import { useActionState, useId } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { CONTACT_ROLES, type ContactRole } from '@/lib/pipeline/labels';
import { changeContactRole } from './contacts/actions';

/** The part a contact plays in this application: interviewer, recruiter, hiring manager, referrer. */
export function ContactRoleForm({
  applicationId,
  contactId,
  name,
  role,
}: {
  applicationId: string;
  contactId: string;
  name: string;
  role: ContactRole;
}) {
  const [state, formAction] = useActionState(changeContactRole, { ok: false });
  const selectId = useId();
  const message = state.fieldErrors?.role?.[0] ?? state.fieldErrors?.contactId?.[0] ?? state.fieldErrors?.applicationId?.[0] ?? state.message;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="contactId" value={contactId} />
      <label htmlFor={selectId} className="sr-only">
        Role of {name}
      </label>
      <select
        key={role}
        id={selectId}
        name="role"
        defaultValue={role}
        className="min-h-10 rounded-md border border-stone-300 bg-white px-2 py-1 text-base sm:text-sm"
      >
        {CONTACT_ROLES.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        <span>
          Save role<span className="sr-only"> of {name}</span>
        </span>
      </SubmitButton>
      <p role="status" aria-live="polite" className={`w-full text-sm ${state.ok ? 'text-green-800' : 'text-red-700'}`}>
        {message}
      </p>
    </form>
  );
}
