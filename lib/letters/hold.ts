import type { LetterStatus } from './status';

/**
 * Why a letter that waited for its time (the undo window, send later, an
 * automatic follow-up) is held instead of leaving. Kept as the letter's
 * last error, so the letter's page and the dashboard show it; a held letter
 * waits on the person's decision like one that could not be sent in time.
 */
const HELD = 'Held: ';

export type HoldFacts = { flagged: { email: string; reason: LetterStatus } | null; withdrawn: boolean };

export function holdReason(facts: HoldFacts): string | null {
  if (facts.flagged) {
    const what = facts.flagged.reason === 'complained' ? 'marked a letter as spam' : 'bounced';
    return `${HELD}${facts.flagged.email} ${what} after this letter was written. Fix the address, then send it again or discard it.`;
  }
  if (facts.withdrawn) return `${HELD}you withdrew the application after this letter was written. Send it anyway, or discard it.`;
  return null;
}

export const isHoldReason = (reason: string | null | undefined): reason is string => Boolean(reason?.startsWith(HELD));

/** What a discarded letter keeps as its reason: it failed by the person's choice, not Resend's. */
export const DISCARDED_REASON = 'Discarded by you after it could not be sent in time.';

/** Resend's own words: letters written before they were stored plain carried a "Resend refused it: " prefix. */
export function resendReason(lastError: string | null | undefined): string | null {
  let reason = lastError?.trim() ?? '';
  while (reason.startsWith('Resend refused it:')) reason = reason.slice('Resend refused it:'.length).trim();
  return reason || null;
}
