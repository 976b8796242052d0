import 'server-only';
import { and, asc, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applications, companies, contacts, letters } from '@/db/schema';
import { DEFAULT_FOLLOW_UP_WEEKS, DUE_LIMIT } from '@/lib/dashboard/due-rules';
import { notDismissed } from './dismissals';
import { firstRows, listFields, noInterviewAfter } from './shared';

/**
 * Follow-up check-ins that have come due, the most recently due first. A
 * contact's follow-up is due its cadence (6 weeks unless set; 0 is off) after
 * the last real letter to them, To or CC, that was not lost: the contact's
 * `follow_up_due_at`, which Postgres computes from `last_letter_at` (kept by
 * refreshLastLetters) and is null once they replied. It stops:
 * - when that letter's application moves on: its stage changed since, to
 *   anything but rejected or ghosted, or an interview is scheduled after it;
 * - when dismissed (until the next letter) or snoozed (until its date).
 *
 * Contacts are read by their due date from an index, newest first, and each
 * is checked against its letter's application: the work stops at the list's
 * cap however many contacts and letters there are.
 */
export async function followUpsDue(userId: string, now: Date, limit = DUE_LIMIT, tx: Executor = db) {
  const letterAt = contacts.lastLetterAt;
  const query = tx
    .select(
      listFields({
        contactId: contacts.id,
        name: contacts.name,
        applicationId: applications.id,
        // Read for the rows kept only, not joined: one table fewer for the planner to order.
        company: sql<string>`(select ${companies.name} from ${companies} where ${companies.id} = ${applications.companyId})`,
        position: applications.position,
        // Both are set on every row here (the due date is not null): the types say so.
        lastLetterAt: sql<Date>`${letterAt}`.mapWith(letterAt),
        dueAt: sql<Date>`${contacts.followUpDueAt}`.mapWith(contacts.followUpDueAt),
        weeks: sql<number>`coalesce(${contacts.followUpWeeks}, ${DEFAULT_FOLLOW_UP_WEEKS})`.mapWith(Number),
      }),
    )
    .from(contacts)
    .innerJoin(letters, and(eq(letters.userId, userId), eq(letters.id, contacts.lastLetterId)))
    .innerJoin(applications, and(eq(applications.userId, userId), eq(applications.id, letters.applicationId)))
    .where(
      and(
        eq(contacts.userId, userId),
        lte(contacts.followUpDueAt, now),
        or(lte(applications.stageChangedAt, letterAt), inArray(applications.stage, ['rejected', 'ghosted'])),
        noInterviewAfter(userId, applications.id, letterAt),
        notDismissed(userId, 'follow_up', contacts.id, letterAt, now),
      ),
    )
    .orderBy(desc(contacts.followUpDueAt), asc(contacts.id));
  return firstRows(tx, query, (due) => [desc(due.dueAt), asc(due.contactId)], limit);
}

export type FollowUpDue = Awaited<ReturnType<typeof followUpsDue>>['rows'][number];

/** "They replied": follow-ups stop for every letter to them up to now. False when the contact is not the person's. */
export async function markReplied(userId: string, contactId: string, at = new Date(), tx: Executor = db) {
  const updated = await tx
    .update(contacts)
    // A reply read late (an email received before one already marked) never moves the mark back.
    .set({ repliedAt: sql`greatest(${contacts.repliedAt}, ${at.toISOString()}::timestamptz)`, updatedAt: sql`now()` })
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)))
    .returning({ id: contacts.id });
  return updated.length === 1;
}

/** "Stop": no more follow-ups with this contact; the contact's edit page turns them back on. */
export async function stopFollowUps(userId: string, contactId: string, tx: Executor = db) {
  const updated = await tx
    .update(contacts)
    .set({ followUpWeeks: 0, updatedAt: sql`now()` })
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)))
    .returning({ id: contacts.id, name: contacts.name });
  return updated[0] ?? null;
}
