import 'server-only';
import type { Executor } from '@/db/executor';
import { applicationPlanFacts } from '@/db/queries/follow-up-plan-facts';
import { markStoppedWithPlan, type PlanLettersOf, scheduledPlanLetters } from '@/db/queries/follow-up-plan-letters';
import type { FollowUpPlanKind } from '@/lib/follow-ups/plans';
import { nextPlanStep, STOPPED_WITH_PLAN } from '@/lib/follow-ups/rules';
import { cancelLetterIn } from '@/server/letters/cancel-letter';

/**
 * After anything that can stop a plan (a stage move, an interview logged, a
 * reply marked, the person's Stop or a change of mode), in the same
 * transaction: every automatic letter still scheduled for a plan that no
 * longer runs automatically is cancelled, so nothing leaves that the person
 * would not send now. Returns how many were cancelled.
 */
export async function settlePlanLetters(tx: Executor, userId: string, of: PlanLettersOf) {
  const waiting = await scheduledPlanLetters(tx, userId, of);
  if (waiting.length === 0) return 0;
  const stillAutomatic = new Map<string, boolean>();
  const runs = async (applicationId: string, plan: FollowUpPlanKind) => {
    const key = `${applicationId}:${plan}`;
    if (!stillAutomatic.has(key)) {
      const row = (await applicationPlanFacts(userId, applicationId, tx)).find((r) => r.plan === plan);
      // Its own letter counts as written, so the plan may read as finished: only a stop or another mode cancels it.
      const state = row ? nextPlanStep(plan, row.settings, row.facts).state : 'off';
      stillAutomatic.set(key, row?.settings.mode === 'automatic' && state !== 'stopped' && state !== 'off');
    }
    return stillAutomatic.get(key)!;
  };
  const cancelled: string[] = [];
  for (const letter of waiting) {
    if (letter.applicationId && letter.plan && (await runs(letter.applicationId, letter.plan))) continue;
    // The one cancel (its timeline entry, the freed occasion), in this transaction.
    if (await cancelLetterIn(tx, userId, letter.id)) cancelled.push(letter.id);
  }
  await markStoppedWithPlan(tx, userId, cancelled, STOPPED_WITH_PLAN);
  return cancelled.length;
}
