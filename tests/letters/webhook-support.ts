import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, vi } from 'vitest';
import { POST } from '@/app/api/webhooks/resend/route';
import { db } from '@/db';
import { type Letter, letterEvents, letterRecipients, letters } from '@/db/schema';
import { resetEnv } from '@/env';
import type { LetterStatus } from '@/lib/letters/status';
import { makeWebhookSecret, signWebhook } from '../resend-server/webhook-signing';

export { seedPerson } from '../interviews/support';

/** Gives each test a fresh RESEND_WEBHOOK_SECRET and returns a getter for it. */
export function useWebhookSecret() {
  let secret = '';
  beforeEach(() => {
    secret = makeWebhookSecret();
    vi.stubEnv('RESEND_WEBHOOK_SECRET', secret);
    resetEnv();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnv();
  });
  return () => secret;
}

type SeedLetter = {
  id?: string;
  status?: LetterStatus;
  resendId?: string | null;
  to?: string;
  cc?: string[];
};

/** A letter as the send worker leaves it, written straight to the database. */
export async function seedLetter(userId: string, options: SeedLetter = {}): Promise<Letter> {
  const id = options.id ?? randomUUID();
  const [letter] = await db
    .insert(letters)
    .values({
      id,
      userId,
      kind: 'interview_thanks',
      templateName: 'Thank-you after an interview',
      groupId: randomUUID(),
      fromName: 'Ada via Afterword',
      replyTo: 'ada@example.com',
      subject: 'Thank you',
      body: 'Thank you for your time.',
      html: '<p>Thank you for your time.</p>',
      text: 'Thank you for your time.',
      idempotencyKey: `letter-${id}`,
      status: options.status ?? 'sent',
      resendId: options.resendId === undefined ? `em_${id}` : options.resendId,
    })
    .returning();
  const to = options.to ?? 'grace@acme.example';
  await db.insert(letterRecipients).values([
    { userId, letterId: id, role: 'to', email: to, dedupeKey: `${id}:${to}` },
    ...(options.cc ?? []).map((email) => ({ userId, letterId: id, role: 'cc' as const, email, dedupeKey: `${id}:${email}` })),
  ]);
  return letter;
}

type EventOptions = {
  letterId?: string | null;
  emailId?: string | null;
  to?: string[];
  at?: Date;
  data?: Record<string, unknown>;
};

/** An email event shaped as Resend posts it: tags as a map, the event's own time at the top. */
export function emailEvent(type: string, options: EventOptions = {}) {
  const at = (options.at ?? new Date()).toISOString();
  return {
    type,
    created_at: at,
    data: {
      created_at: at,
      ...(options.emailId === null ? {} : { email_id: options.emailId ?? `em_${randomUUID()}` }),
      message_id: `<${randomUUID()}@resend.dev>`,
      from: 'Ada via Afterword <letters@afterword.test>',
      to: options.to ?? ['grace@acme.example'],
      subject: 'Thank you',
      ...(options.letterId ? { tags: { letter_id: options.letterId } } : {}),
      ...options.data,
    },
  };
}

/** The event Resend would send for this letter. */
export const eventFor = (letter: Letter, type: string, options: EventOptions = {}) =>
  emailEvent(type, { letterId: letter.id, emailId: letter.resendId, ...options });

export function webhookRequest(body: string, headers: Record<string, string>) {
  return new Request('http://localhost:3000/api/webhooks/resend', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

/** Signs the payload (as Resend would) and posts it to the route. */
export async function deliver(payload: unknown, secret: string, options: { msgId?: string; timestamp?: number } = {}) {
  const signed = signWebhook({ payload, secret, ...options });
  const response = await POST(webhookRequest(signed.body, signed.headers));
  return { response, body: (await response.json()) as { ok: boolean; outcome?: string; error?: string }, signed };
}

export async function statusOf(letterId: string) {
  const [row] = await db.select({ status: letters.status, lastError: letters.lastError }).from(letters).where(eq(letters.id, letterId));
  return row;
}

export const allEvents = () => db.select().from(letterEvents).orderBy(letterEvents.occurredAt);
