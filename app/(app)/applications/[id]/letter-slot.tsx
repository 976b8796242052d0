import Link from 'next/link';
import { SendLetter, type SendLetterProps } from '@/components/letters/send-letter';
import { StatusBadge } from '@/components/letters/status-badge';
import type { ApplicationLetter } from '@/db/queries/letters-sent';
import { isFinal } from '@/lib/letters/status';

/**
 * Where a letter belongs on a page: what became of the letters already
 * written for this occasion, or the one-click button when there are none.
 */
export function LetterSlot({
  title,
  context,
  sent,
  send,
}: {
  title: string;
  /** Said to screen readers after the title, so each slot on a page has its own name. */
  context?: string;
  sent: ApplicationLetter[];
  send: Omit<SendLetterProps, 'requestId' | 'controls'>;
}) {
  // A letter that failed or bounced may be sent again once the address is fixed.
  const sendAgain = sent.length > 0 && sent.every((letter) => isFinal(letter.status));
  const titleId = `letter-${send.occasion}-${send.interviewId ?? send.applicationId ?? send.contactId}`;
  return (
    <section className="mt-3 rounded-md border border-accent-soft bg-white px-3 py-3" aria-labelledby={titleId}>
      <p id={titleId} className="mb-1 text-sm font-semibold text-stone-900">
        {title}
        {context && <span className="sr-only"> {context}</span>}
      </p>
      {sent.length > 0 && (
        <ul className="mb-2 space-y-1 text-sm">
          {sent.map((letter) => (
            <li key={letter.id}>
              <Link href={`/letters/${letter.id}`} className="underline">
                View the letter
              </Link>{' '}
              <StatusBadge status={letter.status} deliveredLocally={letter.deliveredLocally} />{' '}
              <span className="text-stone-600">
                · written{' '}
                <time dateTime={letter.createdAt.toISOString()}>
                  {letter.createdAt.toLocaleDateString('en-US', { month: 'short', day: 'numeric' })}
                </time>
              </span>
            </li>
          ))}
        </ul>
      )}
      {/* Always the same component, so the outcome of a send stays on screen when the page refreshes with the letter. */}
      <SendLetter
        {...send}
        label={sendAgain ? 'Send again' : send.label}
        controls={sent.length === 0 || sendAgain}
        requestId={crypto.randomUUID()}
      />
    </section>
  );
}
