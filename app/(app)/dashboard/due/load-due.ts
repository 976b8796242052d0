import 'server-only';
import { fromSnapshot } from '@/db/queries/dashboard-snapshot';
import { lettersNeedingAttention, quietApplications } from '@/db/queries/due/attention';
import { followUpsDue } from '@/db/queries/due/follow-ups';
import { duePlanSteps } from '@/db/queries/follow-up-plan-facts';
import { withoutPlanContacts } from '@/lib/follow-ups/one-follow-up';
import { impressionsMissing } from '@/db/queries/due/impressions';
import type { DueList } from '@/db/queries/due/shared';
import { rejectionThanksOwed, thankYouOwed } from '@/db/queries/due/thank-you';
import { applicationLetterContext, interviewLetterContext } from '@/db/queries/letter-context';
import { effectiveTemplate } from '@/db/queries/letter-templates';
import { DUE_COUNT_CAP, DUE_LIMIT, DUE_SNAPSHOT_MAX_AGE_MS, type DueListKey, SHOWN_MORE } from '@/lib/dashboard/due-rules';
import type { LetterContext, LetterPerson } from '@/lib/letters/context';
import type { LetterTemplateSource } from '@/lib/letters/fill';
import { type LetterProblem, planLetters } from '@/lib/letters/plan';

/** Who a row's letter goes to, and what stops it being sent yet (nothing, when it is ready). */
export type Readiness = { people: LetterPerson[]; problems: LetterProblem[] };

function readiness(context: LetterContext | null, template: LetterTemplateSource, separate: boolean): Readiness | null {
  if (!context) return null;
  // The same plan, from the same template, as the send button's: the page says up front what the click would say.
  const plan = planLetters(context, template, { separate });
  return { people: context.people, problems: plan.ok ? [] : plan.problems };
}

/** A list of letters owed, each row checked with the person's own template for that kind of letter. */
async function checked<Row>(
  list: Promise<DueList<Row>>,
  template: Promise<LetterTemplateSource | null>,
  check: (row: Row, template: LetterTemplateSource) => Promise<Readiness | null>,
) {
  const [rows, chosen] = await Promise.all([list, template]);
  return { ...rows, ready: await Promise.all(rows.rows.map((row) => (chosen ? check(row, chosen) : null))) };
}

/**
 * Every list of "What is due", each one indexed statement, run side by side.
 * The letters owed are then checked, row by row (a handful of small queries
 * each, for the few rows shown), as soon as their list is in.
 */
export async function loadWhatIsDue(userId: string, now: Date, showMore?: DueListKey) {
  const limit = (key: DueListKey) => (key === showMore ? SHOWN_MORE : DUE_LIMIT);
  const [impressions, thankYou, rejectionThanks, followUps, plans, letters, quiet] = await Promise.all([
    impressionsMissing(userId, now, limit('impressions')),
    checked(
      thankYouOwed(userId, now, limit('thank-you')),
      effectiveTemplate(userId, 'interview_thanks'),
      async (row, template) => readiness(await interviewLetterContext(userId, row.interviewId), template, false),
    ),
    checked(
      rejectionThanksOwed(userId, now, limit('rejection-thanks')),
      effectiveTemplate(userId, 'rejection_thanks'),
      async (row, template) =>
        readiness(await applicationLetterContext(userId, row.applicationId, 'rejection_thanks'), template, true),
    ),
    followUpsDue(userId, now, limit('follow-ups')),
    checked(
      duePlanSteps(userId, { mode: 'ask', before: now, now, limit: limit('plans'), countCap: DUE_COUNT_CAP }),
      effectiveTemplate(userId, 'follow_up'),
      async (row, template) =>
        readiness(await applicationLetterContext(userId, row.applicationId, 'follow_up', row.facts.contactId), template, true),
    ),
    lettersNeedingAttention(userId, now, limit('letters')),
    quietApplications(userId, now, limit('quiet')),
  ]);
  return { impressions, thankYou, rejectionThanks, plans, followUps: withoutPlanContacts(followUps, plans.rows), letters, quiet };
}

export type WhatIsDue = Awaited<ReturnType<typeof loadWhatIsDue>>;

/** What is due as the page shows it: from the person's snapshot while nothing has changed, else loaded now. */
export async function whatIsDueNow(userId: string, now: Date, showMore?: DueListKey): Promise<WhatIsDue> {
  const key = showMore ? `due:more=${showMore}` : 'due';
  const { data } = await fromSnapshot(userId, key, DUE_SNAPSHOT_MAX_AGE_MS, () => loadWhatIsDue(userId, now, showMore), { now });
  return data;
}
