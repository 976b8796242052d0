import 'server-only';
import { fromSnapshot } from '@/db/queries/dashboard-snapshot';
import { weeklyActivity, weeklyActivityQuery } from '@/db/queries/outcomes/activity';
import { letterOutcomes, letterOutcomesQuery } from '@/db/queries/outcomes/letters';
import {
  interviewPayoff,
  interviewPayoffQuery,
  rejectionPayoff,
  rejectionPayoffQuery,
  thanksReplies,
  thanksRepliesQuery,
} from '@/db/queries/outcomes/payoff';
import { funnel, funnelQuery, stagesNow, stagesNowQuery } from '@/db/queries/outcomes/pipeline';
import { outcomeScope } from '@/db/queries/outcomes/scope';
import { OUTCOMES_SNAPSHOT_MAX_AGE_MS } from '@/lib/dashboard/outcome-rules';
import type { Period } from '@/lib/dashboard/period';

/** Every statement behind the Outcomes section, by name, so the EXPLAIN bench can read each. */
export const OUTCOME_QUERIES = {
  letters: letterOutcomesQuery,
  stagesNow: stagesNowQuery,
  funnel: funnelQuery,
  weeklyActivity: weeklyActivityQuery,
  interviewPayoff: interviewPayoffQuery,
  rejectionPayoff: rejectionPayoffQuery,
  thanksReplies: thanksRepliesQuery,
};

/** All the figures of the Outcomes section: seven aggregate queries, run at once. */
export async function loadOutcomes(userId: string, period: Period, now = new Date()) {
  const scope = outcomeScope(userId, period, now);
  const [letters, stages, pipeline, activity, interviews, rejections, replies] = await Promise.all([
    letterOutcomes(scope),
    stagesNow(scope),
    funnel(scope),
    weeklyActivity(scope),
    interviewPayoff(scope),
    rejectionPayoff(scope),
    thanksReplies(scope),
  ]);
  return { period, letters, stages, funnel: pipeline, activity, payoff: { interviews, rejections, replies } };
}

export type Outcomes = Awaited<ReturnType<typeof loadOutcomes>>;

/**
 * A snapshot's key: the period, and the shape of the figures it holds. A
 * snapshot kept before the figures changed shape (v2: reply rates) is never
 * read as the new shape: it sits under another key until the person's
 * account goes.
 */
export const outcomesSnapshotKey = (period: Period) => `outcomes:v2:${period}`;

/** The figures as the page shows them: from the person's snapshot for the period while nothing has changed, else counted now. */
export function outcomesNow(userId: string, period: Period, now = new Date()) {
  return fromSnapshot(userId, outcomesSnapshotKey(period), OUTCOMES_SNAPSHOT_MAX_AGE_MS, () => loadOutcomes(userId, period, now), { now });
}
