import 'server-only';
import { Resend } from 'resend';
import { keepOutboxMessage, type OutboxMessageInput } from '@/db/queries/outbox';
import { env } from '@/env';
import { type Quota, spentQuota } from '@/lib/letters/pause';
import { RATE_LIMIT_WAIT_SECONDS } from '@/lib/letters/retry';
import { formatMailbox } from '@/lib/mail/address';
import { type MailPayload, outgoingMail, type OutgoingMail } from '@/lib/mail/outgoing';
import { pacer } from './pacer';

export type MailSent = { ok: true; id: string; via: 'resend' | 'outbox'; headers: Record<string, string> };
export type MailNotSent = {
  ok: false;
  /**
   * - rate_limited: 429; wait `retryAfterSeconds` (at least 10 s when Resend names no time).
   * - quota_spent: 429 for the account's daily or monthly quota (`quota`); nothing
   *   more can go until that period ends.
   * - retry: a 5xx or a concurrent request with the same key; try again later.
   * - unknown: no answer (network failure or timeout); it may have been sent,
   *   so only a retry with the same key and body is safe.
   * - conflict: same key, different body; a bug, never retried with a new key.
   * - rejected: Resend refused the message (422 or another 4xx); final.
   */
  outcome: 'rate_limited' | 'quota_spent' | 'retry' | 'unknown' | 'conflict' | 'rejected';
  status: number | null;
  message: string;
  retryAfterSeconds?: number;
  quota?: Quota;
  headers: Record<string, string>;
};
export type MailResult = MailSent | MailNotSent;

const SEND_TIMEOUT_MS = 15_000;
const OUTBOX_FROM = 'letters@afterword.local';

/**
 * The request body for Resend, formed from a message: the sender from
 * MAIL_FROM, recipients in the order given. A letter keeps it, so every
 * retry under its key hands over exactly this.
 */
export function mailPayload(input: OutgoingMail): MailPayload {
  const mail = outgoingMail.parse(input);
  const from = formatMailbox(mail.fromName ? `${mail.fromName} via Afterword` : 'Afterword', env().MAIL_FROM ?? OUTBOX_FROM);
  return {
    from,
    to: mail.to,
    ...(mail.cc.length ? { cc: mail.cc } : {}),
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    tags: mail.tags,
    ...(mail.headers && Object.keys(mail.headers).length ? { headers: mail.headers } : {}),
  };
}

/** The one way mail leaves Afterword: Resend when configured, else the local outbox. */
export async function sendMail(input: OutgoingMail, options: { timeoutMs?: number } = {}): Promise<MailResult> {
  return sendPayload(mailPayload(input), outgoingMail.shape.idempotencyKey.parse(input.idempotencyKey), options);
}

/** The longest 429 wait a person watching the page is asked to sit through. */
const WAITING_PERSON_MAX_SECONDS = 2;

/**
 * For mail a person waits for on the page (a sign-in link, a confirmation
 * link): it books the next slot of the pace every sender shares, ahead of
 * any letter from the queue (waiting at most two seconds for it), and a 429
 * that asks for at most two seconds is waited out, up to twice, under the
 * same idempotency key, instead of showing an error page. The 429 is told to the pace every process shares,
 * so queued letters step back for it.
 */
export async function sendMailWhileWaiting(input: OutgoingMail): Promise<MailResult> {
  for (let attempt = 1; ; attempt += 1) {
    // Each try takes its own slot, so mails refused together do not all come back at the same instant.
    await pacer.waitForPersonSlot(WAITING_PERSON_MAX_SECONDS * 1000);
    const result = await sendMail(input);
    if (result.ok || result.outcome !== 'rate_limited') return result;
    await pacer.observe(result.headers, result.retryAfterSeconds);
    const wait = result.retryAfterSeconds ?? RATE_LIMIT_WAIT_SECONDS;
    if (attempt > 2 || wait > WAITING_PERSON_MAX_SECONDS) return result;
    await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 0.25) * 1000));
  }
}

/** Hands over a body already formed (a letter's stored one), as it is, under its idempotency key. */
export async function sendPayload(
  payload: MailPayload,
  idempotencyKey: string,
  options: { timeoutMs?: number } = {},
): Promise<MailResult> {
  const config = env();
  if (config.mailMode === 'outbox') {
    return keepInOutbox({
      ...payload,
      cc: payload.cc ?? [],
      // One text column, as a Reply-To header would carry them.
      replyTo: [payload.replyTo ?? []].flat().join(', ') || null,
      headers: payload.headers ?? {},
      idempotencyKey,
    });
  }

  const resend = new Resend(config.RESEND_API_KEY, { baseUrl: config.RESEND_BASE_URL });
  const { data, error, headers } = await resend.emails.send(payload, {
    idempotencyKey,
    signal: AbortSignal.timeout(options.timeoutMs ?? SEND_TIMEOUT_MS),
  });
  const responseHeaders = headers ?? {};
  if (data?.id && !error) return { ok: true, id: data.id, via: 'resend', headers: responseHeaders };
  return classifyFailure(error, responseHeaders);
}

/**
 * The local outbox behaves like Resend's idempotency: the same key and body
 * return the first message; the same key with another body is a conflict.
 */
async function keepInOutbox(message: OutboxMessageInput): Promise<MailResult> {
  const kept = await keepOutboxMessage(message);
  if (kept.outcome === 'conflict') {
    return classifyFailure({ statusCode: 409, name: 'invalid_idempotent_request', message: 'Same idempotency key, different body' }, {});
  }
  return { ok: true, id: kept.id, via: 'outbox', headers: {} };
}

type ResendError = { statusCode?: number | null; name?: string; message?: string } | null;

export function classifyFailure(error: ResendError, headers: Record<string, string>): MailNotSent {
  const status = error?.statusCode ?? null;
  const message = error?.message ?? 'Resend gave no answer';
  const base = { ok: false as const, status, message, headers };
  if (status === null) return { ...base, outcome: 'unknown' };
  if (status === 429) {
    const quota = spentQuota(error?.name);
    if (quota) return { ...base, outcome: 'quota_spent', quota };
    const header = headers['retry-after'];
    const retryAfter = header === undefined || header.trim() === '' ? NaN : Number(header);
    return {
      ...base,
      outcome: 'rate_limited',
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : RATE_LIMIT_WAIT_SECONDS,
    };
  }
  if (status === 409) {
    return { ...base, outcome: error?.name === 'concurrent_idempotent_requests' ? 'retry' : 'conflict' };
  }
  if (status >= 500) return { ...base, outcome: 'retry' };
  return { ...base, outcome: 'rejected' };
}
