import 'server-only';
import { letterStatusOf, letterTimeZone, rescheduleScheduled, rewriteScheduled } from '@/db/queries/scheduled-letters';
import { tomorrowMorning } from '@/lib/letters/schedule';
import { type LetterWords } from '@/lib/letters/fill';
import { wakeSenderAt } from '@/server/queue/worker';
import { renderLetter } from './render-letter';

export type ChangeOutcome = 'changed' | 'already_gone' | 'not_found';

async function notChanged(userId: string, letterId: string): Promise<ChangeOutcome> {
  return (await letterStatusOf(userId, letterId)) === null ? 'not_found' : 'already_gone';
}

/**
 * Moves a scheduled letter to another time (a moment checked by the caller:
 * in the future, within a year), or to 08:30 tomorrow where its recipient is.
 */
export async function rescheduleLetter(userId: string, letterId: string, when: Date | 'tomorrow_morning'): Promise<ChangeOutcome> {
  let at = when;
  if (at === 'tomorrow_morning') {
    const zone = await letterTimeZone(userId, letterId);
    if (zone === null) return 'not_found';
    at = tomorrowMorning(new Date(), zone);
  }
  if (!(await rescheduleScheduled(userId, letterId, at))) return notChanged(userId, letterId);
  await wakeSenderAt(letterId, at);
  return 'changed';
}

/**
 * New words for a scheduled letter, rendered by the one renderer. Its
 * recipients stay; it takes a new idempotency key, which is safe because
 * nothing was handed to Resend under the old one.
 */
export async function rewriteLetter(userId: string, letterId: string, words: LetterWords): Promise<ChangeOutcome> {
  const rendered = await renderLetter(words);
  const rewritten = await rewriteScheduled(userId, letterId, {
    subject: rendered.subject,
    body: words.body,
    html: rendered.html,
    text: rendered.text,
    idempotencyKey: `afterword-letter-${letterId}-${Date.now()}`,
  });
  return rewritten ? 'changed' : notChanged(userId, letterId);
}
