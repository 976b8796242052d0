import Link from 'next/link';
import type { ApplicationLetter } from '@/db/queries/letters-sent';
import { isFinal } from '@/lib/letters/status';
import { SendLetter, type SendLetterProps } from './send-letter';
import { StatusBadge } from './status-badge';

/**
 * Where a letter belongs on a page: what became of the letters already
 * written for this occasion, or the one-click button when there are none.
 */
export function LetterSlot({
  title,
  sent,
  send,
}: {
  title: string;
  sent: ApplicationLetter[];
  send: Omit<SendLetterProps, 'requestId'>;
}) {
  // A letter that failed or bounced may be sent again once the address is fixed.
  const sendAgain = sent.length > 0 && sent.every((letter) => isFinal(letter.status));
  if (sent.length > 0) {
    return (
      <div className="mt-3 rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm">
        <p className="font-medium text-stone-900">{title}</p>
        <ul className="mt-1 space-y-1">
          {sent.map((letter) => (
            <li key={letter.id}>
              <Link href={`/letters/${letter.id}`} className="underline">
                View the letter
              </Link>{' '}
              <StatusBadge status={letter.status} deliveredLocally={letter.deliveredLocally} />{' '}
              <span className="text-stone-600">
                · written <time dateTime={letter.createdAt.toISOString()}>{letter.createdAt.toLocaleDateString('en-US', { month: 'short', day: 'numeric' })}</time>
              </span>
            </li>
          ))}
        </ul>
        {sendAgain && <SendLetter {...send} label="Send again" requestId={crypto.randomUUID()} />}
      </div>
    );
  }
  return (
    <section className="mt-3 rounded-md border border-accent-soft bg-white px-3 py-3" aria-label={title}>
      <p className="mb-1 text-sm font-semibold text-stone-900">{title}</p>
      <SendLetter {...send} requestId={crypto.randomUUID()} />
    </section>
  );
}
