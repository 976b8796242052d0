import 'server-only';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { attachPendingEvents, findLetterForEvent, insertUnmatchedEvent, lockLetter, recipientsOfLetter } from '@/db/queries/letter-events';
import { addressesToFlag, type ResendEmailEvent } from '@/lib/letters/resend-event';
import { isFlagging, statusForEvent } from '@/lib/letters/status';
import { reportLetterStatus } from './report-letter-status';

export type RecordOutcome = 'matched' | 'unmatched' | 'duplicate';

/**
 * Stores one webhook delivery, once per `svix-id`, and applies it to its
 * letter if the letter is known. One transaction per delivery: the unique
 * svix_id is the dedupe, so a replay inserts nothing and changes nothing.
 */
export async function recordResendEvent(svixId: string, event: ResendEmailEvent): Promise<RecordOutcome> {
  return db.transaction(async (tx) => {
    const letter = await findLetterForEvent(tx, event.tagLetterId, event.emailId);
    const inserted = await insertUnmatchedEvent(tx, { svixId, ...event });
    if (!inserted) return 'duplicate';
    if (!letter) return 'unmatched';
    // The same path the send worker takes, so statuses are applied in one place.
    await matchPendingEvents(letter.userId, letter.id, letter.resendId ?? event.emailId, tx);
    return 'matched';
  });
}

/**
 * Attaches events that arrived before their letter was known, and applies
 * their statuses in the order they happened (the status itself only ever
 * moves forward). The send worker calls this right after recording a
 * letter's Resend id; the webhook calls it for an event it could match.
 * Returns how many events were attached.
 */
export async function matchPendingEvents(
  userId: string,
  letterId: string,
  resendId: string | null,
  tx?: Executor,
): Promise<number> {
  if (!tx) return db.transaction((own) => matchPendingEvents(userId, letterId, resendId, own));
  // Locked first, so two deliveries for one letter are applied one after the other.
  if (!(await lockLetter(tx, userId, letterId))) return 0;
  const events = await attachPendingEvents(tx, userId, letterId, resendId);
  events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime());

  let recipients: { role: string; email: string }[] | undefined;
  for (const event of events) {
    const status = statusForEvent(event.type);
    if (!status) continue;
    let flagEmails: string[] | undefined;
    if (isFlagging(status)) {
      recipients ??= await recipientsOfLetter(tx, userId, letterId);
      flagEmails = addressesToFlag(event, recipients);
    }
    const reason = event.detail.reason;
    await reportLetterStatus(tx, userId, letterId, status, {
      at: event.occurredAt,
      flagEmails,
      ...(reason ? { lastError: reason } : {}),
    });
  }
  return events.length;
}
