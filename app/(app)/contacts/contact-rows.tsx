import Link from 'next/link';
import { formatDay } from '@/components/contacts/format';
import type { ContactListRow } from '@/db/queries/contact-list';
import { plural } from '@/lib/words';

/**
 * One line per contact. Each value says what it is ("2 applications"), so
 * the list reads the same on a phone, where it stacks, as on a desktop.
 * Fifty links are not prefetched: each would be a signed-in render. The
 * looks are the `list-rows` and `contact-row` classes in app/globals.css.
 */
export function ContactRows({ rows }: { rows: ContactListRow[] }) {
  return (
    <ul className="list-rows">
      {rows.map((contact) => (
        <li key={contact.id} className="contact-row">
          <div>
            <Link href={`/contacts/${contact.id}`} prefetch={false}>
              {contact.name}
            </Link>
            {(contact.title || contact.company) && <p className="quiet">{[contact.title, contact.company].filter(Boolean).join(' · ')}</p>}
          </div>
          <p>{contact.email ?? <span className="none">No email</span>}</p>
          <p>
            {contact.applicationCount === 0
              ? 'No applications'
              : plural(contact.applicationCount, 'application', 'applications')}
          </p>
          <p className="quiet">
            {contact.lastActivityAt ? (
              <>
                Last activity <time dateTime={contact.lastActivityAt.toISOString()}>{formatDay(contact.lastActivityAt)}</time>
              </>
            ) : (
              'No activity yet'
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
