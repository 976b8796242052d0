import 'server-only';
import { db } from '@/db';
import { refreshLastLetters } from '@/db/queries/last-letter';
import {
  claimLetter,
  holdForDecision,
  keepLetterPayload,
  holdFacts,
  renewClaim,
  recipientsForSending,
  recordHandedOver,
  releaseLetter,
} from '@/db/queries/letter-queue';
import { currentSendingPause, pauseSending } from '@/db/queries/sending-pause';
import { env } from '@/env';
import { errorReason } from '@/lib/error-reason';
import { holdReason } from '@/lib/letters/hold';
import { OPERATOR_PAUSE_REASON, quotaPauseReason, quotaResumesAt } from '@/lib/letters/pause';
import { LETTER_TAG } from '@/lib/letters/resend-event';
import { backoff, CLAIM_MS, CLAIM_RENEW_MS, GIVE_UP_AFTER_MS, RATE_LIMIT_WAIT_SECONDS } from '@/lib/letters/retry';
import { pacer } from '@/server/mail/pacer';
import { mailPayloadSchema } from '@/lib/mail/outgoing';
import { type MailResult, mailPayload, sendPayload } from '@/server/mail/send-mail';
import { letterMessageId, letterReplyTo } from '@/server/replies/reply-headers';
import { matchPendingEvents } from './record-resend-event';
import { reportLetterStatus } from './report-letter-status';

/** A click waits this long for Resend; after that the letter is retried, same key, by the queue. */
export const INLINE_TIMEOUT_MS = 8000;

export type DeliveryOutcome =
  | { outcome: 'sent' | 'failed' | 'needs_decision' | 'not_due' }
  /** The operator's switch holds every letter; the sweep sends it once the switch is off. */
  | { outcome: 'paused' }
  | { outcome: 'retry'; retryAt: Date };

/** Until the person decides, the letter is not on its way: follow-ups count from the one before. */
async function decide(letterId: string, userId: string, lastError: string) {
  await db.transaction(async (tx) => {
    await holdForDecision(tx, userId, letterId, lastError);
    await refreshLastLetters(tx, userId, { letterId });
  });
}

/** The body for a letter's first attempt, from the letter as written: To first, then CC. */
async function firstPayload(letter: NonNullable<Awaited<ReturnType<typeof claimLetter>>>) {
  const recipients = await recipientsForSending(letter.userId, letter.id);
  return mailPayload({
    fromName: letter.fromName,
    to: recipients.filter((r) => r.role === 'to').map((r) => r.email),
    cc: recipients.filter((r) => r.role === 'cc').map((r) => r.email),
    replyTo: letterReplyTo(letter.id, letter.replyTo),
    subject: letter.subject,
    html: letter.html,
    text: letter.text,
    tags: [{ name: LETTER_TAG, value: letter.id }],
    headers: { 'Message-ID': letterMessageId(letter.id) },
    idempotencyKey: letter.idempotencyKey,
  });
}

/**
 * Renews the sender's hold on a letter while `work` runs, so a slow answer
 * never lets another process take it, while a sender that dies lets it go
 * within CLAIM_MS. A renewal that fails is logged; the hold then simply ends.
 */
async function whileHolding<T>(userId: string, letterId: string, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    renewClaim(userId, letterId, CLAIM_MS).catch((error) => console.error('[letters] could not renew a hold:', errorReason(error)));
  }, CLAIM_RENEW_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/**
 * Hands one queued letter to Resend (or the local outbox), exactly as it was
 * written, and records what happened. Safe to call any number of times, from
 * any number of processes: only a due letter that no live sender holds is
 * taken, and a sender that crashes mid-send simply lets its claim run out;
 * the next one retries with the same key and body, so Resend sends it once.
 */
export async function deliverLetter(letterId: string, options: { timeoutMs?: number } = {}): Promise<DeliveryOutcome> {
  const letter = await claimLetter(letterId, CLAIM_MS);
  if (!letter) return { outcome: 'not_due' };
  const { userId } = letter;

  if (env().sendingPaused) {
    await releaseLetter(userId, letterId, letter.nextAttemptAt, OPERATOR_PAUSE_REASON);
    return { outcome: 'paused' };
  }

  // Only a letter handed over before (its body is kept from then) could arrive twice:
  // one held back from the start, by a pause or a spent quota, is never too late.
  if (letter.payload !== null && Date.now() - letter.createdAt.getTime() > GIVE_UP_AFTER_MS) {
    await decide(letterId, userId, 'Not sent within 23 hours. Resend may have forgotten this letter, so sending again could send it twice.');
    return { outcome: 'needs_decision' };
  }

  // A letter that waited for its time is checked again as it leaves: things may have changed since it was written.
  if (letter.scheduledFor !== null && letter.payload === null) {
    const reason = holdReason(await holdFacts(userId, letterId, letter.applicationId));
    if (reason) {
      await decide(letterId, userId, reason);
      return { outcome: 'needs_decision' };
    }
  }

  // A spent quota holds every letter, in every process, until it is whole again.
  const pause = await currentSendingPause();
  if (pause) {
    await releaseLetter(userId, letterId, pause.until, quotaPauseReason(pause.quota, pause.until));
    return { outcome: 'retry', retryAt: pause.until };
  }

  let result: MailResult;
  try {
    // Formed once, at the first attempt, and kept: every retry under this key hands over the same
    // body to the same people in the same order, so Resend can never see it as changed.
    const payload = mailPayloadSchema.parse(letter.payload ?? (await keepLetterPayload(userId, letterId, await firstPayload(letter))));
    result = await whileHolding(userId, letterId, () => sendPayload(payload, letter.idempotencyKey, options));
  } catch (error) {
    // Not an answer from Resend (e.g. the outbox's database was busy): try again, same key.
    // The reason is shown on the letter's page, so it is the short one, without the statement's values.
    const retryAt = await releaseLetter(userId, letterId, { afterMs: backoff(letter.attempts) }, errorReason(error));
    return { outcome: 'retry', retryAt };
  }

  if (result.ok) {
    await pacer.observe(result.headers);
    const local = result.via === 'outbox';
    await db.transaction(async (tx) => {
      await recordHandedOver(tx, userId, letterId, { resendId: result.id, deliveredLocally: local });
      await reportLetterStatus(tx, userId, letterId, local ? 'delivered' : 'sent');
      // Webhooks can beat this commit; what they said was kept, and applies now.
      await matchPendingEvents(userId, letterId, result.id, tx);
    });
    return { outcome: 'sent' };
  }

  await pacer.observe(result.headers, result.outcome === 'rate_limited' ? result.retryAfterSeconds : undefined);
  switch (result.outcome) {
    case 'rate_limited': {
      const afterMs = (result.retryAfterSeconds ?? RATE_LIMIT_WAIT_SECONDS) * 1000;
      const retryAt = await releaseLetter(userId, letterId, { afterMs }, `Resend asked to wait (${result.message})`);
      return { outcome: 'retry', retryAt };
    }
    case 'quota_spent': {
      // Asking again before the period ends only spends requests: stop for everyone until then.
      const quota = result.quota ?? 'daily';
      const retryAt = quotaResumesAt(quota);
      console.error(`[letters] Resend's ${quota} sending quota is spent; sending is paused until ${retryAt.toISOString()}.`);
      await pauseSending(quota, retryAt);
      await releaseLetter(userId, letterId, retryAt, quotaPauseReason(quota, retryAt));
      return { outcome: 'retry', retryAt };
    }
    case 'retry':
    case 'unknown': {
      const retryAt = await releaseLetter(userId, letterId, { afterMs: backoff(letter.attempts) }, result.message);
      return { outcome: 'retry', retryAt };
    }
    case 'conflict':
      // The stored body never changes, so this is a bug in Afterword: log it and let the person decide.
      console.error(`[letters] Resend refused letter ${letterId}: its idempotency key was used with another body.`);
      await decide(letterId, userId, 'Resend has another letter under this letter’s key. Check the letter before sending it again.');
      return { outcome: 'needs_decision' };
    case 'rejected':
      await db.transaction((tx) => reportLetterStatus(tx, userId, letterId, 'failed', { lastError: result.message }));
      return { outcome: 'failed' };
  }
}
