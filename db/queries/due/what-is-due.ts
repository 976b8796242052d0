import 'server-only';
import { lettersNeedingAttention, quietApplications } from './attention';
import { followUpsDue } from './follow-ups';
import { rejectionThanksOwed, thankYouOwed } from './thank-you';

/** Every list of "What is due", each one indexed statement, run side by side. */
export async function whatIsDue(userId: string, now: Date) {
  const [thankYou, rejectionThanks, followUps, letters, quiet] = await Promise.all([
    thankYouOwed(userId, now),
    rejectionThanksOwed(userId, now),
    followUpsDue(userId, now),
    lettersNeedingAttention(userId, now),
    quietApplications(userId, now),
  ]);
  return { thankYou, rejectionThanks, followUps, letters, quiet };
}

export type WhatIsDue = Awaited<ReturnType<typeof whatIsDue>>;
