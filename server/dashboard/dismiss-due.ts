import 'server-only';
import { dismissDue } from '@/db/queries/due/dismissals';
import { type DueKind, SNOOZE_DAYS } from '@/lib/dashboard/due-rules';
import { NOT_FOUND, UserError } from '@/lib/errors';
import { daysAfter } from '@/lib/time/days';

/** "Dismiss": a row of What is due goes, and stays gone until what it is about changes. */
export async function dismissDueRow(userId: string, kind: DueKind, subjectId: string): Promise<void> {
  if (!(await dismissDue(userId, { kind, subjectId }))) throw new UserError(NOT_FOUND.dueItem);
}

/** "Snooze": a follow-up comes back after SNOOZE_DAYS. Returns when. */
export async function snoozeFollowUp(userId: string, contactId: string, now = new Date()): Promise<Date> {
  const until = daysAfter(now, SNOOZE_DAYS);
  if (!(await dismissDue(userId, { kind: 'follow_up', subjectId: contactId, until, now }))) throw new UserError(NOT_FOUND.dueItem);
  return until;
}
