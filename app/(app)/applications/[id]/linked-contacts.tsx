import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import type { LinkedContact } from '@/db/queries/application-contacts';
import { ContactRoleForm } from './contact-role-form';
import { makePrimaryContact, removeContactLink } from './contacts/actions';
import { InlineActionForm } from './inline-action-form';

/** The people on this application: their role, who is primary, and what can be changed about that. */
export function LinkedContacts({ applicationId, contacts }: { applicationId: string; contacts: LinkedContact[] }) {
  const addLink = (
    <ButtonLink variant="secondary" href={`/applications/${applicationId}/contacts/new`}>
      Add a contact
    </ButtonLink>
  );
  if (contacts.length === 0) {
    return (
      <EmptyState title="Nobody here yet" action={addLink}>
        <p>
          Add the recruiter, the hiring manager and the people who interview you. The primary contact receives your
          thank-you letter; the others get a copy.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {contacts.map((contact) => {
          const fields = { applicationId, contactId: contact.id };
          return (
            <li key={contact.id} className="space-y-2 p-3">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/contacts/${contact.id}`} className="font-medium text-stone-900 underline">
                  {contact.name}
                </Link>
                {contact.isPrimary && (
                  <span className="rounded-full bg-accent-soft px-2 py-0.5 text-xs font-semibold text-accent">Primary contact</span>
                )}
              </div>
              <p className="break-words text-sm text-stone-600">
                {[contact.title, contact.email ?? 'No email: add one so letters can reach them'].filter(Boolean).join(' · ')}
              </p>
              <ContactRoleForm applicationId={applicationId} contactId={contact.id} name={contact.name} role={contact.role} />
              <div className="flex flex-wrap gap-2">
                {!contact.isPrimary && (
                  <InlineActionForm action={makePrimaryContact} fields={fields} pendingLabel="Saving…">
                    Make<span className="sr-only"> {contact.name}</span> primary
                  </InlineActionForm>
                )}
                <InlineActionForm action={removeContactLink} fields={fields} pendingLabel="Removing…" variant="ghost">
                  Remove<span className="sr-only"> {contact.name}</span> from this application
                </InlineActionForm>
              </div>
            </li>
          );
        })}
      </ul>
      <div className="mt-3">{addLink}</div>
    </>
  );
}
