import 'server-only';
import { and, asc, eq, gte, lte, notExists, notInArray, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applications, companies, interviews, letters } from '@/db/schema';
import { DUE_LIMIT, THANK_YOU_DAYS } from '@/lib/dashboard/due-rules';
import { daysBefore } from '@/lib/time/days';
import { notDismissed } from './dismissals';
import { firstRows, letterCounts, listFields } from './shared';

/**
 * Interviews in the thank-you window (the last 3 days) that have taken place
 * without their "What impressed you most?", and no thank-you written yet:
 * the one fact the letter cannot do without. Oldest first, as thank-yous.
 * Archived and ended applications are left out, as in thankYouOwed.
 */
export async function impressionsMissing(userId: string, now: Date, limit = DUE_LIMIT, tx: Executor = db) {
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
    .where(
      and(
        eq(interviews.userId, userId),
        gte(interviews.scheduledAt, daysBefore(now, THANK_YOU_DAYS)),
        lte(interviews.scheduledAt, now),
        sql`coalesce(trim(${interviews.impression}), '') = ''`,
        eq(applications.archived, false),
        notInArray(applications.stage, ['rejected', 'withdrawn', 'declined']),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(letters)
            .where(and(letterCounts(letters, userId, 'interview_thanks'), eq(letters.interviewId, interviews.id))),
        ),
        notDismissed(userId, 'impression', interviews.id, interviews.scheduledAt, now),
      ),
    )
    .orderBy(asc(interviews.scheduledAt), asc(interviews.id));
  return firstRows(tx, query, (due) => [asc(due.scheduledAt), asc(due.interviewId)], limit);
}

export type ImpressionMissing = Awaited<ReturnType<typeof impressionsMissing>>['rows'][number];
