import 'server-only';
import { db } from '@/db';
import { savePlanDefaults } from '@/db/queries/follow-up-plans';
import type { FollowUpPlanKind, PlanSettings } from '@/lib/follow-ups/plans';
import { settlePlanLetters } from './settle-plan-letters';

/**
 * The person saves their defaults for the plans (Settings), all together.
 * Applications with their own choice keep it. Letters an automatic plan
 * scheduled are cancelled, in the same transaction, where their plan is
 * no longer automatic. Returns how many.
 */
export async function savePlanSettings(userId: string, plans: Record<FollowUpPlanKind, PlanSettings>) {
  return db.transaction(async (tx) => {
    for (const [plan, settings] of Object.entries(plans) as [FollowUpPlanKind, PlanSettings][]) {
      await savePlanDefaults(tx, userId, plan, settings);
    }
    return settlePlanLetters(tx, userId, 'all');
  });
}
