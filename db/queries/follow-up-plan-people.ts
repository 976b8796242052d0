import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@/db';
import { followUpPlans } from '@/db/schema';

/**
 * Everyone with a plan on Automatic, as a default or on one application and
 * not stopped: the people the automatic job looks at. Across people by
 * design: the job runs with no session, and every query after this one is
 * scoped to the person it names.
 */
export async function peopleWithAutomaticPlans(): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: followUpPlans.userId })
    .from(followUpPlans)
    .where(and(eq(followUpPlans.mode, 'automatic'), isNull(followUpPlans.stoppedAt)));
  return rows.map((r) => r.userId);
}
