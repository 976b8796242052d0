import Link from 'next/link';
import type { ReactNode } from 'react';
import { RecipientList } from '@/components/letters/recipients';
import { LocalTime } from '@/components/time/local-time';
import type { LetterView } from '@/db/queries/letter-list';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-x-4 py-2 sm:grid-cols-[8rem_minmax(0,1fr)]">
      <dt className="font-medium text-stone-700">{label}</dt>
      <dd className="min-w-0 wrap-anywhere text-stone-900">{children}</dd>
    </div>
  );
}

/** Who the letter was from and to, what it was written from, and when. Its last error is the status's to tell. */
export function LetterFacts({ letter }: { letter: LetterView }) {
  const to = letter.recipients.filter((r) => r.role === 'to');
  const cc = letter.recipients.filter((r) => r.role === 'cc');
  return (
    <dl className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white px-4 text-sm">
      <Fact label="From">{letter.fromName}</Fact>
      <Fact label="Reply-to">{letter.replyTo}</Fact>
      <Fact label="To">{to.length > 0 ? <RecipientList recipients={to} /> : <span className="text-stone-500">Nobody</span>}</Fact>
      {cc.length > 0 && (
        <Fact label="CC">
          <RecipientList recipients={cc} />
        </Fact>
      )}
      <Fact label="Template">{letter.templateName}</Fact>
      <Fact label="Application">
        {letter.applicationId && letter.company ? (
          <Link href={`/applications/${letter.applicationId}`} className="underline underline-offset-2">
            {letter.company} — {letter.position}
          </Link>
        ) : (
          <span className="text-stone-500">Application deleted</span>
        )}
      </Fact>
      <Fact label="Written">
        <LocalTime iso={letter.createdAt.toISOString()} />
      </Fact>
      <Fact label="Sent">
        {letter.sentAt ? (
          <LocalTime iso={letter.sentAt.toISOString()} />
        ) : (
          <span className="text-stone-500">{letter.status === 'cancelled' ? 'Never: it was cancelled' : 'Not yet'}</span>
        )}
      </Fact>
      {letter.attempts > 0 && <Fact label="Attempts">{letter.attempts.toLocaleString('en-US')}</Fact>}
    </dl>
  );
}
