import 'server-only';
import { db } from '@/db';
import {
  applicationPlanOverrides,
  clearApplicationPlan,
  lockApplicationForPlans,
  planDefaults,
  setApplicationPlan,
} from '@/db/queries/follow-up-plans';
import { NOT_FOUND, UserError } from '@/lib/errors';
import type { FollowUpMode, FollowUpPlanKind } from '@/lib/follow-ups/plans';
import { settlePlanLetters } from './settle-plan-letters';

/** What the person does to one application's plan: choose its mode (or go back to the defaults), Stop it, or resume it. */
export type PlanChoice = { mode: FollowUpMode | 'default' } | { stop: boolean };

/**
 * Changes one application's plan, in one transaction with cancelling the
 * automatic letters it had scheduled when it stops or stops being
 * automatic. Another person's application is "not found", like a missing one.
 * Returns how many scheduled letters were cancelled.
 */
export async function changeApplicationPlan(userId: string, applicationId: string, plan: FollowUpPlanKind, choice: PlanChoice) {
  return db.transaction(async (tx) => {
    if (!(await lockApplicationForPlans(tx, userId, applicationId))) throw new UserError(NOT_FOUND.application);
    const own = (await applicationPlanOverrides(userId, applicationId, tx)).find((o) => o.plan === plan);
    const defaults = (await planDefaults(userId, tx))[plan];
    if ('stop' in choice) {
      await setApplicationPlan(tx, userId, applicationId, plan, defaults, {
        stoppedAt: choice.stop ? new Date() : null,
      });
    } else if (choice.mode === 'default') {
      // Back to the defaults; a Stop stays until resumed.
      if (own?.stoppedAt)
        await setApplicationPlan(tx, userId, applicationId, plan, defaults, {
          mode: defaults.mode,
        });
      else await clearApplicationPlan(tx, userId, applicationId, plan);
    } else {
      await setApplicationPlan(tx, userId, applicationId, plan, defaults, {
        mode: choice.mode,
      });
    }
    return settlePlanLetters(tx, userId, { applicationId });
  });
}
