import 'server-only';
import { keepReceivedEmail, postponeReceivedEmail, unsettledReceivedEmail } from '@/db/queries/received-emails';
import { env } from '@/env';
import { READ_ATTEMPTS, readRetrySeconds } from '@/lib/replies/reading';
import type { ReceivedEvent } from '@/lib/replies/received-email';
import { readReceivedMail } from '@/server/mail/read-received';
import { wakeReplyReader } from '@/server/queue/worker';
import { recordReply, type RecordedReply } from './record-reply';
import { replyAddressKey } from './reply-headers';

/**
 * An email arrived (the `email.received` webhook, or the outbox's Simulate a
 * reply): it is kept by its Resend id before anything else, so a repeated
 * delivery is one email and a crash loses nothing, then read by the queue.
 */
export async function receiveEmail(event: ReceivedEvent): Promise<'accepted' | 'duplicate'> {
  if (!(await keepReceivedEmail(event))) return 'duplicate';
  await wakeReplyReader(event.emailId, new Date());
  return 'accepted';
}

export type ReadOutcome = RecordedReply | { outcome: 'gone' | 'gave_up' } | { outcome: 'retry'; retryAt: Date };

/**
 * Reads one kept email and records it. When Resend cannot give it yet, it
 * is tried again later, by the queue or the sweep; reading is harmless to
 * repeat, and recording settles the email once, so nothing is doubled.
 */
export async function readReceivedEmail(emailId: string, options: { now?: Date; timeoutMs?: number } = {}): Promise<ReadOutcome> {
  const row = await unsettledReceivedEmail(emailId);
  if (!row) return { outcome: 'gone' };
  const read = await readReceivedMail(row.event, options);
  const now = options.now ?? new Date();
  if (!read.ok) {
    const attempt = row.attempts + 1;
    const retryAt = new Date(now.getTime() + readRetrySeconds(attempt) * 1000);
    const giveUp = attempt >= READ_ATTEMPTS;
    await postponeReceivedEmail(emailId, retryAt, read.error, giveUp);
    if (giveUp) console.error('[replies] gave up reading received email', emailId, read.error);
    return giveUp ? { outcome: 'gave_up' } : { outcome: 'retry', retryAt };
  }
  return recordReply(row.event, read.content, { replyKey: replyAddressKey(), inboundDomain: env().INBOUND_DOMAIN }, now);
}
