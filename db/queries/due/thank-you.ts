import 'server-only';
import { and, asc, eq, exists, gte, lte, notExists, notInArray, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applicationContacts, applications, companies, interviewAttendees, interviews, letterRecipients, letters } from '@/db/schema';
import { DUE_LIMIT, REJECTION_THANKS_DAYS, THANK_YOU_DAYS } from '@/lib/dashboard/due-rules';
import { daysBefore } from '@/lib/time/days';
import { notDismissed } from './dismissals';
import { firstRows, letterCounts, listFields } from './shared';

/**
 * Interviews in the last 3 days (inclusive) whose application's primary
 * contact has no thank-you yet, oldest first. A letter only to someone else
 * met there does not count; an interview without a primary contact stays
 * owed. Archived applications, and ones that already ended in a rejection,
 * withdrawal or decline, are left out: a rejection has its own letter.
 */
export async function thankYouOwed(userId: string, now: Date, limit = DUE_LIMIT, tx: Executor = db) {
  const query = tx
    .select(
      listFields({
        interviewId: interviews.id,
        applicationId: applications.id,
        scheduledAt: interviews.scheduledAt,
        company: companies.name,
        position: applications.position,
      }),
    )
    .from(interviews)
    .innerJoin(applications, and(eq(applications.userId, userId), eq(applications.id, interviews.applicationId)))
    .innerJoin(companies, and(eq(companies.userId, userId), eq(companies.id, applications.companyId)))
    .leftJoin(
      applicationContacts,
      and(
        eq(applicationContacts.userId, userId),
        eq(applicationContacts.applicationId, applications.id),
        eq(applicationContacts.isPrimary, true),
      ),
    )
    .where(
      and(
        eq(interviews.userId, userId),
        gte(interviews.scheduledAt, daysBefore(now, THANK_YOU_DAYS)),
        lte(interviews.scheduledAt, now),
        eq(applications.archived, false),
        notInArray(applications.stage, ['rejected', 'withdrawn', 'declined']),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(letters)
            .innerJoin(letterRecipients, and(eq(letterRecipients.userId, userId), eq(letterRecipients.letterId, letters.id)))
            .where(
              and(
                letterCounts(letters, userId, 'interview_thanks'),
                eq(letters.interviewId, interviews.id),
                eq(letterRecipients.contactId, applicationContacts.contactId),
              ),
            ),
        ),
        notDismissed(userId, 'interview_thanks', interviews.id, interviews.scheduledAt, now),
      ),
    )
    .orderBy(asc(interviews.scheduledAt), asc(interviews.id));
  return firstRows(tx, query, (due) => [asc(due.scheduledAt), asc(due.interviewId)], limit);
}

export type ThankYouOwed = Awaited<ReturnType<typeof thankYouOwed>>['rows'][number];

/**
 * Applications rejected in the last 30 days, with people met at their
 * interviews, and no thank-you for the rejection written since, oldest
 * rejection first.
 */
export async function rejectionThanksOwed(userId: string, now: Date, limit = DUE_LIMIT, tx: Executor = db) {
  const query = tx
    .select(
      listFields({
        applicationId: applications.id,
        rejectedAt: applications.stageChangedAt,
        company: companies.name,
        position: applications.position,
      }),
    )
    .from(applications)
    .innerJoin(companies, and(eq(companies.userId, userId), eq(companies.id, applications.companyId)))
    .where(
      and(
        eq(applications.userId, userId),
        eq(applications.archived, false),
        eq(applications.stage, 'rejected'),
        gte(applications.stageChangedAt, daysBefore(now, REJECTION_THANKS_DAYS)),
        lte(applications.stageChangedAt, now),
        exists(
          tx
            .select({ one: sql`1` })
            .from(interviews)
            .innerJoin(
              interviewAttendees,
              and(eq(interviewAttendees.userId, userId), eq(interviewAttendees.interviewId, interviews.id)),
            )
            .where(and(eq(interviews.userId, userId), eq(interviews.applicationId, applications.id))),
        ),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(letters)
            .where(
              and(
                letterCounts(letters, userId, 'rejection_thanks'),
                eq(letters.applicationId, applications.id),
                gte(letters.createdAt, applications.stageChangedAt),
              ),
            ),
        ),
        notDismissed(userId, 'rejection_thanks', applications.id, applications.stageChangedAt, now),
      ),
    )
    .orderBy(asc(applications.stageChangedAt), asc(applications.id));
  return firstRows(tx, query, (due) => [asc(due.rejectedAt), asc(due.applicationId)], limit);
}

export type RejectionThanksOwed = Awaited<ReturnType<typeof rejectionThanksOwed>>['rows'][number];
