'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { addExistingContact } from '../actions';
import { RoleAndPrimary } from './role-and-primary';

type Match = { id: string; name: string; email: string | null; title: string | null };

export function AddExistingForm({ applicationId, contacts }: { applicationId: string; contacts: Match[] }) {
  const [state, formAction] = useActionState(addExistingContact, { ok: false });
  const error = state.fieldErrors?.contactId;
  return (
    <form action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="applicationId" value={applicationId} />
      <fieldset aria-describedby="existing-contact-error">
        <legend className="text-sm font-medium text-stone-800">Choose one</legend>
        <ul className="mt-1 divide-y divide-stone-200 rounded-md border border-stone-200 bg-white">
          {contacts.map((contact) => (
            <li key={contact.id}>
              <label className="flex min-h-10 items-center gap-3 px-3 py-2 text-sm">
                <input
                  type="radio"
                  name="contactId"
                  value={contact.id}
                  defaultChecked={state.values?.contactId === contact.id}
                  className="size-4"
                />
                <span className="min-w-0">
                  <span className="block font-medium text-stone-900">{contact.name}</span>
                  <span className="block truncate text-stone-600">
                    {[contact.title, contact.email ?? 'No email'].filter(Boolean).join(' · ')}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        <p id="existing-contact-error" aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">
          {error?.join(' ')}
        </p>
      </fieldset>
      <RoleAndPrimary prefix="existing" values={state.values} errors={state.fieldErrors?.role} />
      <FormMessage ok={state.ok} message={state.fieldErrors?.applicationId?.[0] ?? state.message} />
      <SubmitButton pendingLabel="Adding…">Add to the application</SubmitButton>
    </form>
  );
}
