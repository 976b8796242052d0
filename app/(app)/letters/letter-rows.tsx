import Link from 'next/link';
import { LetterTime } from '@/components/letters/letter-time';
import { RecipientsSummary } from '@/components/letters/recipients';
import { StatusBadge, TestBadge } from '@/components/letters/status-badge';
import type { LetterListRow } from '@/db/queries/letter-list';

/**
 * One entry per letter. Every value says what it is ("Sent 3 hours ago",
 * "Template: …"), so the same markup reads as a card on a phone or tablet,
 * where it stacks, and as a row of columns on a wide screen. Rows are not prefetched:
 * each link would be a signed-in render.
 */
export function LetterRows({ rows, now }: { rows: LetterListRow[]; now: Date }) {
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {rows.map((letter) => (
        <li
          key={letter.id}
          className="grid gap-x-4 gap-y-1 px-4 py-3 text-sm lg:grid-cols-[minmax(0,5fr)_13.5rem_minmax(0,3fr)_9rem] lg:items-start"
        >
          <div className="min-w-0">
            <Link
              href={`/letters/${letter.id}`}
              prefetch={false}
              className="font-medium wrap-anywhere text-stone-900 underline underline-offset-2 hover:no-underline"
            >
              {letter.subject}
            </Link>
            <p className="mt-0.5 wrap-anywhere">
              <RecipientsSummary recipients={letter.recipients} />
            </p>
          </div>
          <div className="flex flex-wrap items-start gap-1">
            <StatusBadge status={letter.status} deliveredLocally={letter.deliveredLocally} />
            {letter.isTest && <TestBadge />}
          </div>
          <div className="min-w-0 wrap-anywhere text-stone-700">
            {letter.applicationId && letter.company ? (
              <Link href={`/applications/${letter.applicationId}`} prefetch={false} className="underline underline-offset-2">
                {letter.company} — {letter.position}
              </Link>
            ) : (
              <span className="text-stone-500">Application deleted</span>
            )}
            <p className="text-stone-600">
              <span className="sr-only">Template: </span>
              {letter.templateName}
            </p>
          </div>
          <p className="text-stone-600 lg:text-right">
            {letter.sentAt ? 'Sent ' : 'Written '}
            <LetterTime date={letter.sentAt ?? letter.createdAt} now={now} />
          </p>
        </li>
      ))}
    </ul>
  );
}
