import 'server-only';
import { lettersNeedingAttention, quietApplications } from '@/db/queries/due/attention';
import { followUpsDue } from '@/db/queries/due/follow-ups';
import { rejectionThanksOwed, thankYouOwed } from '@/db/queries/due/thank-you';
import {
  applicationLetterContext,
  interviewLetterContext,
  type LetterContext,
  type LetterPerson,
} from '@/db/queries/letter-context';
import { BUILTIN_TEMPLATES } from '@/lib/letters/builtins';
import { planLetters, type LetterProblem } from '@/lib/letters/plan';

/** Who a row's letter goes to, and what stops it being sent yet (nothing, when it is ready). */
export type Readiness = { people: LetterPerson[]; problems: LetterProblem[] };

function readiness(context: LetterContext | null, separate: boolean): Readiness | null {
  if (!context) return null;
  // The same plan the send button makes, so the page says up front what the click would say.
  const plan = planLetters(context, BUILTIN_TEMPLATES[context.kind], { separate });
  return { people: context.people, problems: plan.ok ? [] : plan.problems };
}

/**
 * Every list of "What is due", each one indexed statement, run side by side.
 * The letters owed are then checked, row by row (a handful of small queries
 * each, for the few rows shown), as soon as their list is in.
 */
export async function loadWhatIsDue(userId: string, now: Date) {
  const [thankYou, rejectionThanks, followUps, letters, quiet] = await Promise.all([
    thankYouOwed(userId, now).then(async (list) => ({
      ...list,
      ready: await Promise.all(
        list.rows.map(async (row) => readiness(await interviewLetterContext(userId, row.interviewId), false)),
      ),
    })),
    rejectionThanksOwed(userId, now).then(async (list) => ({
      ...list,
      ready: await Promise.all(
        list.rows.map(async (row) =>
          readiness(await applicationLetterContext(userId, row.applicationId, 'rejection_thanks'), true),
        ),
      ),
    })),
    followUpsDue(userId, now),
    lettersNeedingAttention(userId, now),
    quietApplications(userId, now),
  ]);
  return { thankYou, rejectionThanks, followUps, letters, quiet };
}

export type WhatIsDue = Awaited<ReturnType<typeof loadWhatIsDue>>;
