import Link from 'next/link';
import { LetterTime } from '@/components/letters/letter-time';
import { StatusBadge, TestBadge } from '@/components/letters/status-badge';
import type { ContactLetter } from '@/db/queries/letter-list';

/** The letters a contact received, one line each, for their page: the letters page has the rest. */
export function ContactLetterList({ letters, now, className }: { letters: ContactLetter[]; now: Date; className: string }) {
  return (
    <ul className={className}>
      {letters.map((letter) => (
        <li key={letter.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
          <Link href={`/letters/${letter.id}`} prefetch={false} className="min-w-0 wrap-anywhere font-medium text-stone-900 underline underline-offset-2">
            {letter.subject}
          </Link>
          <span className="flex flex-wrap items-center gap-2 text-stone-600">
            <StatusBadge status={letter.status} deliveredLocally={letter.deliveredLocally} />
            {letter.isTest && <TestBadge />}
            <LetterTime date={letter.sentAt ?? letter.createdAt} now={now} />
          </span>
        </li>
      ))}
    </ul>
  );
}
