import Link from 'next/link';
import { LetterTime } from '@/components/letters/letter-time';
import { RecipientsSummary } from '@/components/letters/recipients';
import { StatusBadge, TestBadge } from '@/components/letters/status-badge';
import type { LetterListRow } from '@/db/queries/letter-list';

/**
 * One entry per letter. Every value says what it is ("Sent 3 hours ago",
 * "Template: …"), so the same markup reads as a card on a phone or tablet,
 * where it stacks, and as a row of columns on a wide screen. Rows are not prefetched:
 * each link would be a signed-in render. The looks are the `list-rows` and
 * `letter-row` classes in app/globals.css.
 */
export function LetterRows({ rows, now }: { rows: LetterListRow[]; now: Date }) {
  return (
    <ul className="list-rows">
      {rows.map((letter) => (
        <li key={letter.id} className="letter-row">
          <div>
            <Link href={`/letters/${letter.id}`} prefetch={false}>
              {letter.subject}
            </Link>
            <p className="mt-0.5">
              <RecipientsSummary recipients={letter.recipients} />
            </p>
          </div>
          <div>
            <StatusBadge status={letter.status} deliveredLocally={letter.deliveredLocally} />
            {letter.isTest && <TestBadge />}
          </div>
          <div>
            {letter.applicationId && letter.company ? (
              <Link href={`/applications/${letter.applicationId}`} prefetch={false}>
                {letter.company} — {letter.position}
              </Link>
            ) : (
              <span className="none">Application deleted</span>
            )}
            <p className="quiet">
              <span className="sr-only">Template: </span>
              {letter.templateName}
            </p>
          </div>
          <p>
            {letter.sentAt ? 'Sent ' : 'Written '}
            <LetterTime date={letter.sentAt ?? letter.createdAt} now={now} />
          </p>
        </li>
      ))}
    </ul>
  );
}
