import 'server-only';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '@/db/executor';
import { letterRecipients, letters, SCHEDULED } from '@/db/schema';
import type { FollowUpPlanKind } from '@/lib/follow-ups/plans';

/** Every one of the person's, those about one application, or those to one contact. */
export type PlanLettersOf = 'all' | { applicationId: string } | { contactId: string };

/**
 * A plan's automatic letters still waiting for their time, locked until the transaction ends so no
 * sender claims one while its plan is being stopped.
 */
export async function scheduledPlanLetters(tx: Executor, userId: string, of: PlanLettersOf) {
  const about =
    of === 'all'
      ? undefined
      : 'applicationId' in of
        ? eq(letters.applicationId, of.applicationId)
        : inArray(
            letters.id,
            tx
              .select({ id: letterRecipients.letterId })
              .from(letterRecipients)
              .where(and(eq(letterRecipients.userId, userId), eq(letterRecipients.contactId, of.contactId))),
          );
  return tx
    .select({
      id: letters.id,
      applicationId: letters.applicationId,
      plan: letters.plan,
    })
    .from(letters)
    .where(and(eq(letters.userId, userId), about, isNotNull(letters.plan), eq(letters.automatic, true), SCHEDULED(letters.status)))
    .for('update') as Promise<
    {
      id: string;
      applicationId: string | null;
      plan: FollowUpPlanKind | null;
    }[]
  >;
}

/**
 * Says on letters just cancelled that their plan stopped (STOPPED_WITH_PLAN):
 * such a letter gives its plan's step back, as one the person cancelled does not.
 */
export async function markStoppedWithPlan(tx: Executor, userId: string, letterIds: string[], reason: string) {
  if (letterIds.length === 0) return;
  await tx
    .update(letters)
    .set({ lastError: reason })
    .where(and(eq(letters.userId, userId), inArray(letters.id, letterIds), eq(letters.status, 'cancelled')));
}
