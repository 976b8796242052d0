import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/executor';
import { contacts, letterRecipients, letters } from '@/db/schema';
import { letterCounts, NOT_ON_ITS_WAY } from './due/shared';

/** Whose last letter to recompute: named contacts, or everyone a letter went to. */
export type LastLetterOf = { contactIds: string[] } | { letterId: string };

/**
 * Recomputes `contacts.last_letter_at` and `last_letter_id`: the latest real
 * letter to each contact, To or CC, that went or is on its way (not a test,
 * not lost, not waiting on a decision). The follow-up due date is computed
 * from them by Postgres. Call it in the same transaction as whatever changed
 * that: a letter written, lost, discarded or sent again, letters deleted with
 * their application or interview, contacts merged.
 *
 * The rows are locked first, and the letters then read by a second statement,
 * whose snapshot sees whatever a concurrent writer of the same contact has
 * committed by then: the last to commit always counts every letter.
 */
export async function refreshLastLetters(tx: Executor, userId: string, of: LastLetterOf) {
  if ('contactIds' in of && of.contactIds.length === 0) return;
  const whose =
    'letterId' in of
      ? inArray(
          contacts.id,
          tx
            .select({ id: letterRecipients.contactId })
            .from(letterRecipients)
            .where(and(eq(letterRecipients.userId, userId), eq(letterRecipients.letterId, of.letterId))),
        )
      : inArray(contacts.id, of.contactIds);
  const locked = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), whose))
    .orderBy(asc(contacts.id))
    .for('update');
  if (locked.length === 0) return;

  const lastLetter = (column: AnyPgColumn): SQL =>
    sql`(${tx
      .select({ value: column })
      .from(letterRecipients)
      .innerJoin(letters, and(eq(letters.userId, userId), eq(letters.id, letterRecipients.letterId)))
      .where(
        and(
          eq(letterRecipients.userId, userId),
          eq(letterRecipients.contactId, contacts.id),
          letterCounts(letters, userId, null, NOT_ON_ITS_WAY),
        ),
      )
      .orderBy(desc(letterRecipients.createdAt), desc(letterRecipients.id))
      .limit(1)})`;
  await tx
    .update(contacts)
    .set({ lastLetterAt: lastLetter(letterRecipients.createdAt), lastLetterId: lastLetter(letterRecipients.letterId) })
    .where(and(eq(contacts.userId, userId), inArray(contacts.id, locked.map((c) => c.id))));
}

/**
 * The contacts whose last letter is one of these letters: those to refresh
 * after the letters are deleted (by their application or interview going).
 * A deleted letter that was nobody's last changes nothing.
 */
export async function contactsLastWrittenBy(tx: Executor, userId: string, of: { applicationId: string } | { interviewId: string }) {
  const lettersOf = 'applicationId' in of ? eq(letters.applicationId, of.applicationId) : eq(letters.interviewId, of.interviewId);
  const rows = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.userId, userId),
        inArray(contacts.lastLetterId, tx.select({ id: letters.id }).from(letters).where(and(eq(letters.userId, userId), lettersOf))),
      ),
    );
  return rows.map((r) => r.id);
}
