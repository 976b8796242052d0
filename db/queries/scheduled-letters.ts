import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { interviews, letterRecipients, letters, SCHEDULED, users } from '@/db/schema';
import type { FollowUpPlanKind } from '@/lib/follow-ups/plans';

/*
 * A person's letters that wait for their time. Each change is one UPDATE
 * that names `scheduled` in its WHERE: a sender's claim turns the letter
 * `queued` in one statement too, so whichever comes first wins, and the
 * other finds the letter no longer scheduled.
 */

const isScheduled = (userId: string, letterId: string) =>
  and(eq(letters.userId, userId), eq(letters.id, letterId), SCHEDULED(letters.status));

/** Stops a scheduled letter; returns what the timeline says of it, or null when it was not scheduled (or not the person's). */
export async function cancelScheduled(tx: Executor, userId: string, letterId: string) {
  const [cancelled] = await tx
    .update(letters)
    .set({ status: 'cancelled', statusChangedAt: new Date(), claimedUntil: null })
    .where(isScheduled(userId, letterId))
    .returning({
      id: letters.id,
      kind: letters.kind,
      subject: letters.subject,
      applicationId: letters.applicationId,
      interviewId: letters.interviewId,
      isTest: letters.isTest,
    });
  return cancelled ?? null;
}

/** The scheduled letters of an application's plan (any plan when none is named), for a plan that stops. */
export async function scheduledPlanLetterIds(tx: Executor, userId: string, applicationId: string, plan?: FollowUpPlanKind) {
  const rows = await tx
    .select({ id: letters.id })
    .from(letters)
    .where(
      and(
        eq(letters.userId, userId),
        eq(letters.applicationId, applicationId),
        SCHEDULED(letters.status),
        plan ? eq(letters.plan, plan) : sql`${letters.plan} is not null`,
      ),
    );
  return rows.map((r) => r.id);
}

/** Moves a scheduled letter to another time; false when it is no longer scheduled. */
export async function rescheduleScheduled(userId: string, letterId: string, at: Date): Promise<boolean> {
  const moved = await db
    .update(letters)
    .set({ scheduledFor: at, nextAttemptAt: at, statusChangedAt: new Date() })
    .where(isScheduled(userId, letterId))
    .returning({ id: letters.id });
  return moved.length > 0;
}

/**
 * New words for a scheduled letter. Nothing was handed to Resend yet (the
 * claim comes first), so it takes a new idempotency key with its new body.
 */
export async function rewriteScheduled(
  userId: string,
  letterId: string,
  words: { subject: string; body: string; html: string; text: string; idempotencyKey: string },
): Promise<boolean> {
  const rewritten = await db
    .update(letters)
    .set({ ...words, payload: null })
    .where(and(isScheduled(userId, letterId), sql`${letters.payload} is null`))
    .returning({ id: letters.id });
  return rewritten.length > 0;
}

/**
 * A person's scheduled letters, soonest first, with whom each goes to: the
 * undo bar (those leaving within `withinSeconds`) and the list on /letters.
 */
export async function scheduledLetters(userId: string, options: { withinSeconds?: number; limit: number }) {
  return db
    .select({
      id: letters.id,
      kind: letters.kind,
      subject: letters.subject,
      scheduledFor: letters.nextAttemptAt,
      automatic: letters.automatic,
      plan: letters.plan,
      isTest: letters.isTest,
      applicationId: letters.applicationId,
      to: letterRecipients.name,
      toEmail: letterRecipients.email,
    })
    .from(letters)
    .innerJoin(
      letterRecipients,
      and(eq(letterRecipients.userId, userId), eq(letterRecipients.letterId, letters.id), eq(letterRecipients.role, 'to')),
    )
    .where(
      and(
        eq(letters.userId, userId),
        SCHEDULED(letters.status),
        options.withinSeconds === undefined
          ? undefined
          : sql`${letters.nextAttemptAt} <= now() + ${`${options.withinSeconds} seconds`}::interval`,
      ),
    )
    .orderBy(asc(letters.nextAttemptAt), asc(letters.id))
    .limit(options.limit);
}

/** Where one of the person's letters is now, or null when it is not theirs. */
export async function letterStatusOf(userId: string, letterId: string) {
  const [row] = await db
    .select({ status: letters.status })
    .from(letters)
    .where(and(eq(letters.userId, userId), eq(letters.id, letterId)));
  return row?.status ?? null;
}

/** Where a letter's recipient is, as far as Afterword knows: its interview's zone, else the person's own; null when not theirs. */
export async function letterTimeZone(userId: string, letterId: string): Promise<string | null> {
  const [row] = await db
    .select({ zone: sql<string>`coalesce(${interviews.timeZone}, ${users.timeZone})` })
    .from(letters)
    .innerJoin(users, eq(users.id, letters.userId))
    .leftJoin(interviews, and(eq(interviews.userId, userId), eq(interviews.id, letters.interviewId)))
    .where(and(eq(letters.userId, userId), eq(letters.id, letterId)));
  return row?.zone ?? null;
}
