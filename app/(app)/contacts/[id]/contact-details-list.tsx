import Link from 'next/link';
import type { ContactDetails } from '@/db/queries/contacts';
import { isHttpUrl } from '@/lib/validation/fields';

/** The contact's own details; only what is known is listed. */
export function ContactDetailsList({ contact }: { contact: ContactDetails }) {
  const rows: { label: string; value: React.ReactNode }[] = [];
  if (contact.email) {
    rows.push({ label: 'Email', value: <a href={`mailto:${contact.email}`} className="underline">{contact.email}</a> });
  }
  if (contact.phone) rows.push({ label: 'Phone', value: <a href={`tel:${contact.phone}`} className="underline">{contact.phone}</a> });
  if (contact.title) rows.push({ label: 'Title', value: contact.title });
  if (contact.company) rows.push({ label: 'Company', value: contact.company });
  // Checked again here: rows may come from an import, and only a web address may become a link.
  if (contact.linkedinUrl && isHttpUrl(contact.linkedinUrl)) {
    rows.push({
      label: 'LinkedIn',
      value: (
        <a href={contact.linkedinUrl} rel="noopener noreferrer nofollow" target="_blank" className="break-all underline">
          {contact.linkedinUrl}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      ),
    });
  }
  if (contact.notes) rows.push({ label: 'Notes', value: <span className="whitespace-pre-wrap">{contact.notes}</span> });

  return (
    <section aria-labelledby="details-heading" className="self-start rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="details-heading" className="text-base font-semibold text-stone-900">
        Details
      </h2>
      {rows.length > 0 ? (
        <dl className="mt-3 space-y-3 text-sm">
          {rows.map((row) => (
            <div key={row.label}>
              <dt className="font-medium text-stone-600">{row.label}</dt>
              <dd className="mt-0.5 break-words text-stone-900">{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="mt-2 text-sm text-stone-600">
          Nothing but a name yet.{' '}
          <Link href={`/contacts/${contact.id}/edit`} className="font-medium text-stone-900 underline">
            Add their email
          </Link>{' '}
          so letters can reach them.
        </p>
      )}
      {!contact.email && rows.length > 0 && (
        <p className="mt-3 text-sm text-amber-800">No email yet: a thank-you letter cannot reach them until you add one.</p>
      )}
    </section>
  );
}
