import 'server-only';
import { and, asc, desc, eq, gt, inArray, lt, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applications, companies, letterRecipients, letters } from '@/db/schema';
import { DUE_LIMIT, QUIET_DAYS } from '@/lib/dashboard/due-rules';
import { daysBefore } from '@/lib/time/days';
import { notDismissed } from './dismissals';
import { firstRows, letterCounts, listFields, NEEDS_ATTENTION, noInterviewAfter, NOT_ON_ITS_WAY } from './shared';

/**
 * Letters that bounced, failed, were marked as spam or suppressed, or wait
 * on the person's decision, newest first. One is left out once a later
 * letter for the same occasion to the same person is on its way: it has
 * been put right.
 */
export async function lettersNeedingAttention(userId: string, now: Date, limit = DUE_LIMIT, tx: Executor = db) {
  const later = alias(letters, 'later');
  const laterTo = alias(letterRecipients, 'later_to');
  const query = tx
    .select(
      listFields({
        letterId: letters.id,
        kind: letters.kind,
        status: letters.status,
        subject: letters.subject,
        statusChangedAt: letters.statusChangedAt,
        applicationId: letters.applicationId,
        company: companies.name,
        toName: letterRecipients.name,
        toEmail: letterRecipients.email,
        contactId: letterRecipients.contactId,
      }),
    )
    .from(letters)
    .leftJoin(
      letterRecipients,
      and(eq(letterRecipients.userId, userId), eq(letterRecipients.letterId, letters.id), eq(letterRecipients.role, 'to')),
    )
    .leftJoin(applications, and(eq(applications.userId, userId), eq(applications.id, letters.applicationId)))
    .leftJoin(companies, and(eq(companies.userId, userId), eq(companies.id, applications.companyId)))
    .where(
      and(
        eq(letters.userId, userId),
        inArray(letters.status, [...NEEDS_ATTENTION]),
        eq(letters.isTest, false),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(later)
            .innerJoin(laterTo, and(eq(laterTo.userId, userId), eq(laterTo.letterId, later.id), eq(laterTo.role, 'to')))
            .where(
              and(
                letterCounts(later, userId, null, NOT_ON_ITS_WAY),
                eq(later.applicationId, letters.applicationId),
                eq(later.kind, letters.kind),
                sql`${later.interviewId} is not distinct from ${letters.interviewId}`,
                gt(later.createdAt, letters.createdAt),
                eq(laterTo.contactId, letterRecipients.contactId),
              ),
            ),
        ),
        notDismissed(userId, 'letter', letters.id, letters.statusChangedAt, now),
      ),
    )
    .orderBy(desc(letters.statusChangedAt), desc(letters.id));
  return firstRows(tx, query, (due) => [desc(due.statusChangedAt), desc(due.letterId)], limit);
}

export type LetterNeedingAttention = Awaited<ReturnType<typeof lettersNeedingAttention>>['rows'][number];

/**
 * Applications still in play (applied, interviewing, offer) with no activity
 * for 3 weeks and no interview in that time or ahead, quietest first: the
 * company may have ghosted them. Dismissed, one stays away until there is
 * new activity.
 */
export async function quietApplications(userId: string, now: Date, limit = DUE_LIMIT, tx: Executor = db) {
  const since = daysBefore(now, QUIET_DAYS);
  const query = tx
    .select(
      listFields({
        applicationId: applications.id,
        company: companies.name,
        position: applications.position,
        stage: applications.stage,
        lastActivityAt: applications.lastActivityAt,
      }),
    )
    .from(applications)
    .innerJoin(companies, and(eq(companies.userId, userId), eq(companies.id, applications.companyId)))
    .where(
      and(
        eq(applications.userId, userId),
        eq(applications.archived, false),
        inArray(applications.stage, ['applied', 'interviewing', 'offer']),
        lt(applications.lastActivityAt, since),
        noInterviewAfter(userId, applications.id, since),
        notDismissed(userId, 'quiet_application', applications.id, applications.lastActivityAt, now),
      ),
    )
    .orderBy(asc(applications.lastActivityAt), asc(applications.id));
  return firstRows(tx, query, (due) => [asc(due.lastActivityAt), asc(due.applicationId)], limit);
}

export type QuietApplication = Awaited<ReturnType<typeof quietApplications>>['rows'][number];
