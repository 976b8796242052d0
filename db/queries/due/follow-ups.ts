import 'server-only';
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applications, companies, contacts, letterRecipients, letters } from '@/db/schema';
import { DEFAULT_FOLLOW_UP_WEEKS, DUE_LIMIT } from '@/lib/dashboard/due-rules';
import { notDismissed } from './dismissals';
import { firstRows, instant, letterCounts, listFields, noInterviewAfter, noneSuch, NOT_ON_ITS_WAY } from './shared';

/**
 * Follow-up check-ins that have come due, the most recently written to first.
 * A contact's follow-up is due its cadence (6 weeks unless set; 0 is off)
 * after the last real letter to them, To or CC, that was not lost. It stops:
 * - when the person marks a reply from them after that letter;
 * - when that letter's application moves on: its stage changed since, to
 *   anything but rejected or ghosted, or an interview is scheduled after it;
 * - when dismissed (until the next letter) or snoozed (until its date).
 *
 * The letters are read newest first by index, from the shortest cadence the
 * person uses back, and each is checked to be its contact's last: so the
 * work stops at the list's cap however many letters there are.
 */
export async function followUpsDue(userId: string, now: Date, limit = DUE_LIMIT, tx: Executor = db) {
  const laterRecipient = alias(letterRecipients, 'later_recipient');
  const laterLetter = alias(letters, 'later_letter');
  const weeks = sql<number>`coalesce(${contacts.followUpWeeks}, ${DEFAULT_FOLLOW_UP_WEEKS})`;
  const letterAt = letterRecipients.createdAt;
  const shortestCadence = tx
    .select({
      weeks: sql`least(${DEFAULT_FOLLOW_UP_WEEKS}, coalesce(min(${contacts.followUpWeeks}), ${DEFAULT_FOLLOW_UP_WEEKS}))`,
    })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), gt(contacts.followUpWeeks, 0)));

  const query = tx
    .select(
      listFields({
        contactId: contacts.id,
        name: contacts.name,
        applicationId: applications.id,
        // Read for the rows kept only, not joined: one table fewer for the planner to order.
        company: sql<string>`(select ${companies.name} from ${companies} where ${companies.id} = ${applications.companyId})`,
        position: applications.position,
        lastLetterAt: letterAt,
        dueAt: sql<Date>`${letterAt} + make_interval(weeks => ${weeks})`.mapWith(toDate),
        weeks: weeks.mapWith(Number),
      }),
    )
    .from(letterRecipients)
    .innerJoin(letters, and(eq(letters.userId, userId), eq(letters.id, letterRecipients.letterId)))
    .innerJoin(contacts, and(eq(contacts.userId, userId), eq(contacts.id, letterRecipients.contactId)))
    .innerJoin(applications, and(eq(applications.userId, userId), eq(applications.id, letters.applicationId)))
    .where(
      and(
        eq(letterRecipients.userId, userId),
        isNotNull(letterRecipients.contactId),
        sql`${letterAt} <= ${instant(now)} - make_interval(weeks => (${shortestCadence}))`,
        letterCounts(letters, userId, null, NOT_ON_ITS_WAY),
        sql`${weeks} > 0`,
        sql`${letterAt} + make_interval(weeks => ${weeks}) <= ${instant(now)}`,
        or(isNull(contacts.repliedAt), lt(contacts.repliedAt, letterAt)),
        // The last letter to them: no later one that counts.
        noneSuch(
          tx
            .select({ one: sql`1` })
            .from(laterRecipient)
            .innerJoin(laterLetter, and(eq(laterLetter.userId, userId), eq(laterLetter.id, laterRecipient.letterId)))
            .where(
              and(
                eq(laterRecipient.userId, userId),
                eq(laterRecipient.contactId, letterRecipients.contactId),
                gte(laterRecipient.createdAt, letterAt),
                sql`(${laterRecipient.createdAt}, ${laterRecipient.id}) > (${letterAt}, ${letterRecipients.id})`,
                letterCounts(laterLetter, userId, null, NOT_ON_ITS_WAY),
              ),
            ),
        ),
        or(lte(applications.stageChangedAt, letterAt), inArray(applications.stage, ['rejected', 'ghosted'])),
        noInterviewAfter(userId, applications.id, letterAt),
        notDismissed(userId, 'follow_up', contacts.id, letterAt, now),
      ),
    )
    .orderBy(desc(letterAt), desc(letterRecipients.id));
  return firstRows(tx, query, (due) => [desc(due.lastLetterAt), asc(due.contactId)], limit);
}

/** postgres.js hands computed timestamps back as Dates, PGlite as strings. */
function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export type FollowUpDue = Awaited<ReturnType<typeof followUpsDue>>['rows'][number];

/** "They replied": follow-ups stop for every letter to them up to now. False when the contact is not the person's. */
export async function markReplied(userId: string, contactId: string, at = new Date(), tx: Executor = db) {
  const updated = await tx
    .update(contacts)
    .set({ repliedAt: at, updatedAt: sql`now()` })
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
