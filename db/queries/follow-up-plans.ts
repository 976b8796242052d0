import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applications, followUpPlans } from '@/db/schema';
import { DEFAULT_PLANS, FOLLOW_UP_PLANS, type FollowUpMode, type FollowUpPlanKind, type PlanSettings } from '@/lib/follow-ups/plans';

const settingsColumns = {
  plan: followUpPlans.plan,
  mode: followUpPlans.mode,
  firstWaitDays: followUpPlans.firstWaitDays,
  repeatEveryDays: followUpPlans.repeatEveryDays,
  maxLetters: followUpPlans.maxLetters,
};

/** The person's defaults for every plan: their own row, else the built-in one. */
export async function planDefaults(userId: string, tx: Executor = db): Promise<Record<FollowUpPlanKind, PlanSettings>> {
  const rows = await tx
    .select(settingsColumns)
    .from(followUpPlans)
    .where(and(eq(followUpPlans.userId, userId), isNull(followUpPlans.applicationId)));
  const own = new Map(rows.map(({ plan, ...settings }) => [plan, settings]));
  return Object.fromEntries(FOLLOW_UP_PLANS.map((plan) => [plan, own.get(plan) ?? DEFAULT_PLANS[plan]])) as Record<
    FollowUpPlanKind,
    PlanSettings
  >;
}

/** Saves the person's defaults for one plan. */
export async function savePlanDefaults(tx: Executor, userId: string, plan: FollowUpPlanKind, settings: PlanSettings) {
  await tx
    .insert(followUpPlans)
    .values({ userId, applicationId: null, plan, ...settings })
    .onConflictDoUpdate({
      target: [followUpPlans.userId, followUpPlans.plan],
      targetWhere: isNull(followUpPlans.applicationId),
      set: { ...settings, updatedAt: sql`now()` },
    });
}

export type PlanOverride = { plan: FollowUpPlanKind; mode: FollowUpMode; stoppedAt: Date | null };

/** An application's own choices for its plans (a mode, a Stop); plans without a row follow the defaults. */
export async function applicationPlanOverrides(userId: string, applicationId: string, tx: Executor = db): Promise<PlanOverride[]> {
  return tx
    .select({ plan: followUpPlans.plan, mode: followUpPlans.mode, stoppedAt: followUpPlans.stoppedAt })
    .from(followUpPlans)
    .where(and(eq(followUpPlans.userId, userId), eq(followUpPlans.applicationId, applicationId)));
}

/** Locks the application for the rest of the transaction; false when it is not the person's. */
export async function lockApplicationForPlans(tx: Executor, userId: string, applicationId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.userId, userId), eq(applications.id, applicationId)))
    .for('update');
  return Boolean(row);
}

/**
 * Writes an application's own row for a plan. A new row starts from the
 * plan's settings as they are now (`from`), so choosing a mode or pressing
 * Stop changes only that; an existing row keeps its waits.
 */
export async function setApplicationPlan(
  tx: Executor,
  userId: string,
  applicationId: string,
  plan: FollowUpPlanKind,
  from: PlanSettings,
  change: { mode?: FollowUpMode; stoppedAt?: Date | null },
) {
  await tx
    .insert(followUpPlans)
    .values({ userId, applicationId, plan, ...from, ...change })
    .onConflictDoUpdate({
      target: [followUpPlans.userId, followUpPlans.applicationId, followUpPlans.plan],
      targetWhere: sql`${followUpPlans.applicationId} is not null`,
      set: { ...change, updatedAt: sql`now()` },
    });
}

/** Back to the defaults: the application's own row for a plan goes. */
export async function clearApplicationPlan(tx: Executor, userId: string, applicationId: string, plan: FollowUpPlanKind) {
  await tx
    .delete(followUpPlans)
    .where(and(eq(followUpPlans.userId, userId), eq(followUpPlans.applicationId, applicationId), eq(followUpPlans.plan, plan)));
}
