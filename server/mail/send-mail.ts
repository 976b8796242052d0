import 'server-only';
import { Resend } from 'resend';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db';
import { outboxMessages } from '@/db/schema';
import { env } from '@/env';
import { emailAddress, formatMailbox } from '@/lib/mail/address';

const noLineBreaks = (label: string) =>
  z.string().refine((v) => !/[\r\n]/.test(v), { message: `${label} cannot contain line breaks` });

const tag = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/),
  value: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/),
});

/** One message, as the rest of the app hands it over. */
export const outgoingMail = z.object({
  /** Shown as "<fromName> via Afterword"; the address is always MAIL_FROM. */
  fromName: noLineBreaks('A sender name').max(100).optional(),
  to: z.array(emailAddress).min(1),
  cc: z.array(emailAddress).default([]),
  replyTo: emailAddress.optional(),
  subject: noLineBreaks('A subject').pipe(z.string().min(1).max(300)),
  html: z.string().min(1),
  text: z.string().min(1),
  tags: z.array(tag).min(1),
  /** Resend keys a request to its body: a retry must reuse the key and the exact body. */
  idempotencyKey: z.string().min(1).max(256),
});
export type OutgoingMail = z.input<typeof outgoingMail>;

export type MailSent = { ok: true; id: string; via: 'resend' | 'outbox'; headers: Record<string, string> };
export type MailNotSent = {
  ok: false;
  /**
   * - rate_limited: 429; wait `retryAfterSeconds`.
   * - retry: a 5xx or a concurrent request with the same key; try again later.
   * - unknown: no answer (network failure or timeout); it may have been sent,
   *   so only a retry with the same key and body is safe.
   * - conflict: same key, different body; a bug, never retried with a new key.
   * - rejected: Resend refused the message (422 or another 4xx); final.
   */
  outcome: 'rate_limited' | 'retry' | 'unknown' | 'conflict' | 'rejected';
  status: number | null;
  message: string;
  retryAfterSeconds?: number;
  headers: Record<string, string>;
};
export type MailResult = MailSent | MailNotSent;

const SEND_TIMEOUT_MS = 15_000;
const OUTBOX_FROM = 'letters@afterword.local';

/** The one way mail leaves Afterword: Resend when configured, else the local outbox. */
export async function sendMail(
  input: OutgoingMail,
  options: { timeoutMs?: number } = {},
): Promise<MailResult> {
  const mail = outgoingMail.parse(input);
  const config = env();
  const fromAddress = config.MAIL_FROM ?? OUTBOX_FROM;
  const from = formatMailbox(mail.fromName ? `${mail.fromName} via Afterword` : 'Afterword', fromAddress);

  if (config.mailMode === 'outbox') return keepInOutbox({ ...mail, from, replyTo: mail.replyTo ?? null });

  const resend = new Resend(config.RESEND_API_KEY, { baseUrl: config.RESEND_BASE_URL });
  const { data, error, headers } = await resend.emails.send(
    {
      from,
      to: mail.to,
      cc: mail.cc.length ? mail.cc : undefined,
      replyTo: mail.replyTo,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      tags: mail.tags,
    },
    { idempotencyKey: mail.idempotencyKey, signal: AbortSignal.timeout(options.timeoutMs ?? SEND_TIMEOUT_MS) },
  );
  const responseHeaders = headers ?? {};
  if (data?.id && !error) return { ok: true, id: data.id, via: 'resend', headers: responseHeaders };
  return classifyFailure(error, responseHeaders);
}

/**
 * The local outbox behaves like Resend's idempotency: the same key and body
 * return the first message; the same key with another body is a conflict.
 */
async function keepInOutbox(message: typeof outboxMessages.$inferInsert): Promise<MailResult> {
  const [inserted] = await db
    .insert(outboxMessages)
    .values(message)
    .onConflictDoNothing({ target: outboxMessages.idempotencyKey })
    .returning({ id: outboxMessages.id });
  if (inserted) return { ok: true, id: inserted.id, via: 'outbox', headers: {} };

  const [first] = await db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, message.idempotencyKey));
  const same = (['from', 'to', 'cc', 'replyTo', 'subject', 'html', 'text'] as const).every(
    (field) => JSON.stringify(first[field] ?? null) === JSON.stringify(message[field] ?? (field === 'cc' ? [] : null)),
  );
  if (same) return { ok: true, id: first.id, via: 'outbox', headers: {} };
  return classifyFailure({ statusCode: 409, name: 'invalid_idempotent_request', message: 'Same idempotency key, different body' }, {});
}

type ResendError = { statusCode?: number | null; name?: string; message?: string } | null;

export function classifyFailure(error: ResendError, headers: Record<string, string>): MailNotSent {
  const status = error?.statusCode ?? null;
  const message = error?.message ?? 'Resend gave no answer';
  const base = { ok: false as const, status, message, headers };
  if (status === null) return { ...base, outcome: 'unknown' };
  if (status === 429) {
    const retryAfter = Number(headers['retry-after']);
    return { ...base, outcome: 'rate_limited', retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : 1 };
  }
  if (status === 409) {
    return { ...base, outcome: error?.name === 'concurrent_idempotent_requests' ? 'retry' : 'conflict' };
  }
  if (status >= 500) return { ...base, outcome: 'retry' };
  return { ...base, outcome: 'rejected' };
}
