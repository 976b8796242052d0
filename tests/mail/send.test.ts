import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { db } from '@/db';
import { outboxMessages } from '@/db/schema';
import type { OutgoingMail } from '@/lib/mail/outgoing';
import { sendMail } from '@/server/mail/send-mail';
import { restoreEnv, TEST_MAIL_FROM, useOutboxMode, useResendTestServer } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';

setupTestDatabase();

const letter: OutgoingMail = {
  fromName: 'Ada Lovelace',
  to: ['Grace@Example.com'],
  cc: ['alan@example.com', 'Joan@Example.com'],
  replyTo: 'ada@lovelace.example',
  subject: 'Thank you for Tuesday',
  html: '<p>Thank you for meeting me.</p>',
  text: 'Thank you for meeting me.',
  tags: [
    { name: 'category', value: 'thank_you' },
    { name: 'letter_id', value: 'l-42' },
  ],
  idempotencyKey: 'letter-42',
};

afterEach(restoreEnv);

describe('outbox mode', () => {
  beforeEach(useOutboxMode);

  it('stores the message with every part and the sender as display name', async () => {
    const result = await sendMail(letter);

    expect(result).toMatchObject({ ok: true, via: 'outbox' });
    const rows = await db.select().from(outboxMessages);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: result.ok ? result.id : 'not sent',
      idempotencyKey: 'letter-42',
      from: '"Ada Lovelace via Afterword" <letters@afterword.local>',
      to: ['grace@example.com'],
      cc: ['alan@example.com', 'joan@example.com'],
      replyTo: 'ada@lovelace.example',
      subject: 'Thank you for Tuesday',
      html: '<p>Thank you for meeting me.</p>',
      text: 'Thank you for meeting me.',
      tags: letter.tags,
    });
  });

  it('signs as Afterword without a sender name, with no cc or reply-to', async () => {
    await sendMail({ ...letter, fromName: undefined, cc: undefined, replyTo: undefined });

    const [row] = await db.select().from(outboxMessages);
    expect(row).toMatchObject({ from: '"Afterword" <letters@afterword.local>', cc: [], replyTo: null });
  });

  it('returns the first message for a repeated idempotency key and stores it once', async () => {
    const first = await sendMail(letter);
    const second = await sendMail(letter);

    expect(first.ok && second.ok).toBe(true);
    expect(second.ok && second.id).toBe(first.ok && first.id);
    expect(await db.select().from(outboxMessages)).toHaveLength(1);
  });

  it('refuses the same key with a different body as a conflict, as Resend does', async () => {
    await sendMail(letter);
    const changed = await sendMail({ ...letter, text: 'A different body.' });

    expect(changed).toMatchObject({ ok: false, outcome: 'conflict', status: 409 });
    const rows = await db.select().from(outboxMessages);
    expect(rows.map((r) => r.text)).toEqual(['Thank you for meeting me.']);
  });
});

const unsubscribe = {
  'List-Unsubscribe': '<https://afterword.example/api/digest/unsubscribe?token=abc>',
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
};

describe('extra headers', () => {
  it('refuses a header name or value that could start another header, before anything is sent', async () => {
    useOutboxMode();
    const hostile: Record<string, string>[] = [
      { 'List-Unsubscribe': '<https://a.example>\r\nBcc: mallory@example.com' },
      { 'X-Evil\nBcc': 'mallory@example.com' },
      { 'Bad Name': 'x' },
    ];
    for (const headers of hostile) {
      await expect(sendMail({ ...letter, headers })).rejects.toBeInstanceOf(ZodError);
    }
    expect(await db.select().from(outboxMessages)).toHaveLength(0);
  });

  it('keeps them in the outbox, and a different header under the same key is a conflict', async () => {
    useOutboxMode();
    await sendMail({ ...letter, headers: unsubscribe });
    const [row] = await db.select().from(outboxMessages);
    expect(row!.headers).toEqual(unsubscribe);
    expect(await sendMail({ ...letter, headers: { ...unsubscribe, 'List-Unsubscribe': '<https://x.example>' } })).toMatchObject({
      ok: false,
      outcome: 'conflict',
    });
  });
});

describe('Resend mode', () => {
  const resend = useResendTestServer();

  it('hands Resend the extra headers, and none when there are none', async () => {
    await sendMail({ ...letter, headers: unsubscribe });
    await sendMail({ ...letter, idempotencyKey: 'letter-43' });

    const [withHeaders, without] = resend.server.emails();
    expect(withHeaders!.headers).toEqual(unsubscribe);
    expect(without!.headers).toEqual({});
  });

  it('hands Resend the key, tags, both parts, cc, reply-to and the From name', async () => {
    const result = await sendMail(letter);

    const emails = resend.server.emails();
    expect(emails).toHaveLength(1);
    expect(result).toEqual({ ok: true, id: emails[0]!.id, via: 'resend', headers: expect.any(Object) });
    expect(emails[0]).toMatchObject({
      idempotencyKey: 'letter-42',
      from: `"Ada Lovelace via Afterword" <${TEST_MAIL_FROM}>`,
      to: ['grace@example.com'],
      cc: ['alan@example.com', 'joan@example.com'],
      replyTo: ['ada@lovelace.example'],
      subject: 'Thank you for Tuesday',
      html: '<p>Thank you for meeting me.</p>',
      text: 'Thank you for meeting me.',
      tags: letter.tags,
    });
    expect(await db.select().from(outboxMessages)).toHaveLength(0);
  });

  it('sends the same key and body once and returns the same id', async () => {
    const first = await sendMail(letter);
    const second = await sendMail(letter);

    expect(second.ok && second.id).toBe(first.ok && first.id);
    expect(resend.server.emails()).toHaveLength(1);
  });

  it('reports a 429 as rate_limited with the Retry-After seconds', async () => {
    resend.server.failNext({ kind: 'status', status: 429, retryAfter: 7 });

    const result = await sendMail(letter);

    expect(result).toMatchObject({ ok: false, outcome: 'rate_limited', status: 429, retryAfterSeconds: 7 });
    expect(resend.server.emails()).toHaveLength(0);
  });

  it('reports a 500 as retry', async () => {
    resend.server.failNext({ kind: 'status', status: 500 });

    expect(await sendMail(letter)).toMatchObject({ ok: false, outcome: 'retry', status: 500 });
  });

  it('reports a 422 as rejected with Resend’s message', async () => {
    resend.server.failNext({ kind: 'status', status: 422, name: 'validation_error', message: 'The domain is not verified.' });

    expect(await sendMail(letter)).toMatchObject({
      ok: false,
      outcome: 'rejected',
      status: 422,
      message: 'The domain is not verified.',
    });
  });

  it('reports the same key with a different body as a conflict and sends nothing more', async () => {
    await sendMail(letter);

    const result = await sendMail({ ...letter, subject: 'Thank you for Wednesday' });

    expect(result).toMatchObject({ ok: false, outcome: 'conflict', status: 409 });
    expect(resend.server.emails().map((email) => email.subject)).toEqual(['Thank you for Tuesday']);
  });

  it.each([
    ['a subject', { subject: 'Hello\nBcc: evil@x.com' }],
    ['a sender name', { fromName: 'Ada\nBcc: evil@x.com' }],
    ['a sender name with CR', { fromName: 'Ada\rLovelace' }],
  ])('refuses %s with a line break before anything reaches Resend', async (_label, change) => {
    await expect(sendMail({ ...letter, ...change })).rejects.toBeInstanceOf(ZodError);
    expect(resend.server.requests()).toBe(0);
  });

  it('reports no answer as unknown, and a retry meets the first request still in flight', async () => {
    resend.server.failNext({ kind: 'hang' });

    const first = await sendMail(letter, { timeoutMs: 300 });
    expect(first).toMatchObject({ ok: false, outcome: 'unknown', status: null });

    // Resend still holds the key, so the retry cannot become a second email.
    const retry = await sendMail(letter, { timeoutMs: 2_000 });
    expect(retry).toMatchObject({ ok: false, outcome: 'retry', status: 409 });
    expect(resend.server.emails()).toHaveLength(0);
  });

  it('recovers the id of a message accepted without an answer by retrying with the same key', async () => {
    resend.server.failNext({ kind: 'hang-after-accept' });

    const first = await sendMail(letter, { timeoutMs: 300 });
    expect(first).toMatchObject({ ok: false, outcome: 'unknown', status: null });

    const retry = await sendMail(letter, { timeoutMs: 2_000 });
    const emails = resend.server.emails();
    expect(emails).toHaveLength(1);
    expect(retry).toMatchObject({ ok: true, via: 'resend', id: emails[0]!.id });
  });
});
