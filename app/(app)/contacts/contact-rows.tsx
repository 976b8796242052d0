import Link from 'next/link';
import { formatDay } from '@/components/contacts/format';
import type { ContactListRow } from '@/db/queries/contact-list';
import { plural } from '@/lib/words';

/**
 * One line per contact. Each value says what it is ("2 applications"), so
 * the list reads the same on a phone, where it stacks, as on a desktop.
 * Fifty links are not prefetched: each would be a signed-in render.
 */
export function ContactRows({ rows }: { rows: ContactListRow[] }) {
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {rows.map((contact) => (
        <li
          key={contact.id}
          className="grid gap-x-4 gap-y-0.5 px-4 py-3 text-sm sm:grid-cols-[minmax(0,2fr)_minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)] sm:items-center"
        >
          <div className="min-w-0">
            <Link href={`/contacts/${contact.id}`} prefetch={false} className="font-medium text-stone-900 underline-offset-2 hover:underline">
              {contact.name}
            </Link>
            {(contact.title || contact.company) && (
              <p className="truncate text-stone-600">{[contact.title, contact.company].filter(Boolean).join(' · ')}</p>
            )}
          </div>
          <p className="min-w-0 truncate text-stone-700">{contact.email ?? <span className="text-stone-500">No email</span>}</p>
          <p className="text-stone-700">
            {contact.applicationCount === 0
              ? 'No applications'
              : plural(contact.applicationCount, 'application', 'applications')}
          </p>
          <p className="text-stone-600">
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
