import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { activities, applications } from '@/db/schema';
import type { ActivityKind } from '@/lib/timeline/activity-kinds';

export type ActivityInput = {
  kind: ActivityKind;
  applicationId?: string | null;
  contactId?: string | null;
  interviewId?: string | null;
  detail?: Record<string, string | number | boolean | null>;
  occurredAt?: Date;
};

/**
 * Records what happened, and touches the application's last-activity time so
 * "no activity for three weeks" stays a cheap indexed question.
 */
export async function recordActivity(tx: Executor, userId: string, input: ActivityInput) {
  const occurredAt = input.occurredAt ?? new Date();
  await tx.insert(activities).values({
    userId,
    kind: input.kind,
    applicationId: input.applicationId ?? null,
    contactId: input.contactId ?? null,
    interviewId: input.interviewId ?? null,
    detail: input.detail ?? {},
    occurredAt,
  });
  if (input.applicationId) {
    await tx
      .update(applications)
      .set({ lastActivityAt: occurredAt })
      .where(and(eq(applications.userId, userId), eq(applications.id, input.applicationId)));
  }
}

/** An application's timeline, newest first. */
export async function applicationTimeline(userId: string, applicationId: string, limit = 200) {
  return db
    .select()
    .from(activities)
    .where(and(eq(activities.userId, userId), eq(activities.applicationId, applicationId)))
    .orderBy(desc(activities.occurredAt), desc(activities.createdAt))
    .limit(limit);
}
