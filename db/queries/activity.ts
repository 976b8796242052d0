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
  const { timeline, touch } = activityWrites(tx, userId, input.applicationId ?? null, [input]);
  await timeline;
  if (touch) await touch;
}

/**
 * What recordActivity writes, built but not run, for a caller that folds it
 * into one statement with the change it records (as data-modifying CTEs):
 * the timeline rows, each about `applicationId`, and that application's
 * touch (none without one).
 */
export function activityWrites(tx: Executor, userId: string, applicationId: string | null, inputs: Omit<ActivityInput, 'applicationId'>[]) {
  const now = new Date();
  const rows = inputs.map((input) => ({
    userId,
    kind: input.kind,
    applicationId,
    contactId: input.contactId ?? null,
    interviewId: input.interviewId ?? null,
    detail: input.detail ?? {},
    occurredAt: input.occurredAt ?? now,
  }));
  const latest = new Date(Math.max(...rows.map((row) => row.occurredAt.getTime())));
  return {
    timeline: tx.insert(activities).values(rows),
    touch: applicationId
      ? tx
          .update(applications)
          .set({ lastActivityAt: latest })
          .where(and(eq(applications.userId, userId), eq(applications.id, applicationId)))
      : null,
  };
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
