import type { ReactNode } from 'react';
import { letterStatusText, StatusBadge, TestBadge } from '@/components/letters/status-badge';
import type { LetterView } from '@/db/queries/letter-list';
import { DISCARDED_REASON, isHoldReason, resendReason } from '@/lib/letters/hold';
import { isPauseReason } from '@/lib/letters/pause';

type OutcomeFacts = Pick<LetterView, 'status' | 'deliveredLocally' | 'isTest' | 'attempts' | 'lastError'>;

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** A letter that waited for its time and was held instead of sent: a bounce since, a withdrawn application. */
export const isHeld = (letter: Pick<OutcomeFacts, 'status' | 'lastError'>) =>
  letter.status === 'needs_decision' && isHoldReason(letter.lastError);

/** What the status means for this letter in particular: the reason it failed, how often it was tried. */
function explanation(letter: OutcomeFacts): ReactNode {
  const reason = letter.lastError?.trim();
  switch (letter.status) {
    case 'failed':
      if (reason === DISCARDED_REASON) return 'You discarded it after it could not be sent in time. Nothing more will be tried.';
      return <>Resend refused it: {sentence(resendReason(reason) ?? 'it gave no reason')} Fix what it names and send the letter again.</>;
    case 'needs_decision':
      if (isHeld(letter)) return <>Afterword held it instead of sending it: {reason!.replace(/^Held:\s*/, '')}</>;
      return (
        <>
          {letter.attempts > 0
            ? `Afterword tried ${times(letter.attempts)} over 23 hours without a definite answer`
            : 'Afterword could not get a definite answer from Resend for 23 hours'}
          {reason && <> (the last one: {reason})</>}. Resend forgets a letter’s idempotency key after 24 hours, so a retry
          from now on could deliver it twice. It may or may not have arrived, so the choice is yours.
        </>
      );
    case 'queued':
      // Held for everyone (a spent quota, the operator's switch): the reason says it all.
      if (isPauseReason(reason)) return reason;
      return letter.attempts > 0 ? (
        <>
          Tried {times(letter.attempts)} so far{reason && <>; the last answer was: {reason}</>}. Afterword keeps trying
          on its own, with the same key, so it can never arrive twice.
        </>
      ) : null;
    case 'scheduled':
    case 'cancelled':
      return null;
    default:
      return reason ? <>Resend said: {resendReason(reason)}</> : null;
  }
}

/** The status's general hint, where this letter's story is not the usual one. */
function hintFor(letter: OutcomeFacts): string {
  if (isHeld(letter)) return 'It waited for its time and was held instead of sent: nothing reached Resend.';
  if (letter.status === 'failed') return letter.lastError?.trim() === DISCARDED_REASON ? 'Not sent: you discarded it.' : 'Nothing was sent.';
  return letterStatusText(letter.status, letter.deliveredLocally).hint;
}

/**
 * The letter's status with what it means, said in words. `children` go under
 * it: the page puts "Send again" and "Discard" there for a letter that needs
 * a decision, and a scheduled letter's time and controls.
 */
export function LetterOutcome({ letter, children }: { letter: OutcomeFacts; children?: ReactNode }) {
  const { tone } = letterStatusText(letter.status, letter.deliveredLocally);
  const detail = explanation(letter);
  const hint = hintFor(letter);
  const frame = tone === 'bad' ? 'border-red-200 bg-red-50' : tone === 'warn' ? 'border-amber-200 bg-amber-50' : 'border-stone-200 bg-white';
  return (
    <section aria-labelledby="letter-status-heading" className={`rounded-lg border px-4 py-3 text-sm ${frame}`}>
      <h2 id="letter-status-heading" className="sr-only">
        Status
      </h2>
      <p className="flex flex-wrap items-center gap-2">
        <StatusBadge status={letter.status} deliveredLocally={letter.deliveredLocally} hint={hint} />
        {letter.isTest && <TestBadge />}
      </p>
      <p className="mt-2 text-stone-800">{hint}</p>
      {detail && <p className="mt-1 wrap-anywhere text-stone-800">{detail}</p>}
      {children}
    </section>
  );
}
