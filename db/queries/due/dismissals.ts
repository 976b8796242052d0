import 'server-only';
import { and, eq, gt, gte, isNull, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applications, contacts, dashboardDismissals, interviews, letters } from '@/db/schema';
import type { DueKind } from '@/lib/dashboard/due-rules';
import { noneSuch } from './shared';

/**
 * True for a row of "What is due" the person has not dismissed since `since`
 * (the moment the row's reason arose: the last letter, the last activity), and
 * has not snoozed past `now`. So a dismissal holds until the row's reason
 * changes, and a snooze also until its date.
 */
export function notDismissed(userId: string, kind: DueKind, subjectId: PgColumn | SQLWrapper, since: PgColumn | SQL, now: Date) {
  return noneSuch(
    db
      .select({ one: sql`1` })
      .from(dashboardDismissals)
      .where(
        and(
          eq(dashboardDismissals.userId, userId),
          eq(dashboardDismissals.kind, kind),
          eq(dashboardDismissals.subjectId, subjectId),
          gte(dashboardDismissals.dismissedAt, since),
          or(isNull(dashboardDismissals.until), gt(dashboardDismissals.until, now)),
        ),
      ),
  );
}

/** The table each kind of row is about: a dismissal is only taken for the person's own rows. */
const SUBJECTS = {
  interview_thanks: interviews,
  rejection_thanks: applications,
  quiet_application: applications,
  follow_up: contacts,
  letter: letters,
  impression: interviews,
  plan_follow_up: applications,
} as const;

async function ownsSubject(tx: Executor, userId: string, kind: DueKind, subjectId: string) {
  const table = SUBJECTS[kind];
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.userId, userId), eq(table.id, subjectId)));
  return Boolean(row);
}

/**
 * Dismisses a row, or with `until` snoozes it, remembering when. Dismissing
 * again moves the time on. False when the subject is not the person's.
 */
export async function dismissDue(
  userId: string,
  row: { kind: DueKind; subjectId: string; until?: Date | null; now?: Date },
  tx: Executor = db,
): Promise<boolean> {
  if (!(await ownsSubject(tx, userId, row.kind, row.subjectId))) return false;
  const values = { dismissedAt: row.now ?? new Date(), until: row.until ?? null };
  await tx
    .insert(dashboardDismissals)
    .values({ userId, kind: row.kind, subjectId: row.subjectId, ...values })
    .onConflictDoUpdate({
      target: [dashboardDismissals.userId, dashboardDismissals.kind, dashboardDismissals.subjectId],
      set: values,
    });
  return true;
}
