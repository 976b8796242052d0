import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { activities, companies, contacts, flaggedAddresses, interviews, letters, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { deliverLetter } from '@/server/letters/deliver-letter';
import { changeSendPacing, takeSendSlot } from '@/db/queries/send-pacing';
import { resetPacer } from '@/server/mail/pacer';
import { restoreEnv, TEST_MAIL_FROM, useOutboxMode, useResendTestServer } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';
import { form, IMPRESSION, interviewThanksForm, lettersOf, makeDue, recipientsOf, type Seeded, seedInterviewWithThree } from './support';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({ getUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { sendLetterAction, clearAddressFlagAction } = await import('@/app/(app)/letters/actions');
const { contactAddressFlag } = await import('@/db/queries/letters-sent');

setupTestDatabase();
const mail = useResendTestServer();

let seeded: Seeded;
beforeEach(async () => {
  seeded = await seedInterviewWithThree();
  session.user = seeded.ada;
  await resetPacer();
});

const send = (fields: Record<string, string>) => sendLetterAction({ ok: false }, form(fields));

describe('the one-click thank-you', () => {
  it('sends one email To the primary, CC the others, reply-to the person, with the impression in both parts', async () => {
    const result = await send(interviewThanksForm(seeded.interviewId));

    expect(result).toMatchObject({ ok: true, message: 'Sent to grace@acme.example.' });
    const emails = mail.server.emails();
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email.to).toEqual(['grace@acme.example']);
    expect(email.cc.sort()).toEqual(['alan@acme.example', 'katherine@acme.example']);
    expect(email.replyTo).toEqual(['ada@example.com']);
    expect(email.from).toBe(`"Ada Lovelace via Afterword" <${TEST_MAIL_FROM}>`);
    expect(email.subject).toBe('Thank you for the Flight Engineer interview');
    for (const part of [email.html!, email.text!]) {
      expect(part).toContain(IMPRESSION);
      expect(part).toContain('Dear Grace,');
      expect(part).not.toMatch(/\{\{|\}\}/);
    }
    expect(email.text).toContain('Warm regards,\nAda Lovelace');
    const [letter] = await lettersOf(seeded.ada);
    expect(email.idempotencyKey).toBe(letter.idempotencyKey);
    expect(email.tags).toEqual([{ name: 'letter_id', value: letter.id }]);
    expect(letter).toMatchObject({ status: 'sent', resendId: email.id, html: email.html, text: email.text, attempts: 1 });
    const timeline = await db.select().from(activities).where(eq(activities.kind, 'letter_sent'));
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ applicationId: seeded.applicationId, interviewId: seeded.interviewId });
  });

  it('sends exactly one email for a double submit of the same request', async () => {
    const fields = interviewThanksForm(seeded.interviewId);
    const first = await send(fields);
    const second = await send(fields);

    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: true, message: expect.stringContaining('Already sent') });
    expect(mail.server.emails()).toHaveLength(1);
    expect(await lettersOf(seeded.ada)).toHaveLength(1);
  });

  it('sends exactly one email when two tabs send at the same moment', async () => {
    const results = await Promise.all([
      send(interviewThanksForm(seeded.interviewId)),
      send(interviewThanksForm(seeded.interviewId)),
    ]);

    expect(results.every((r) => r.ok)).toBe(true);
    expect(mail.server.emails()).toHaveLength(1);
    expect(await lettersOf(seeded.ada)).toHaveLength(1);
  });

  it('waits as retry-after says after a 429, then sends once', async () => {
    mail.server.failNext({ kind: 'status', status: 429, retryAfter: 2 });
    const before = Date.now();
    const result = await send(interviewThanksForm(seeded.interviewId));

    expect(result.message).toMatch(/^Queued/);
    const [waiting] = await lettersOf(seeded.ada);
    expect(waiting.status).toBe('queued');
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 2000);
    expect(await deliverLetter(waiting.id)).toEqual({ outcome: 'not_due' });

    await makeDue(waiting.id);
    expect(await deliverLetter(waiting.id)).toEqual({ outcome: 'sent' });
    expect(mail.server.emails()).toHaveLength(1);
    expect((await lettersOf(seeded.ada))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('leaves the letter to the queue when the next slot is far off, without spending a slot', async () => {
    await changeSendPacing({ holdMs: 5000 }); // another process heard a 429: nothing for 5 s
    const result = await send(interviewThanksForm(seeded.interviewId));

    expect(result.message).toMatch(/^Queued/);
    expect(mail.server.emails()).toHaveLength(0);
    // The worker that sends it takes the slot the click left: 5 s off, not 6.
    expect((await takeSendSlot()).waitMs).toBeLessThan(5100);
  });

  it('retries with backoff after a 500 twice, with the same key and body', async () => {
    mail.server.failNext({ kind: 'status', status: 500 }, 2);
    await send(interviewThanksForm(seeded.interviewId));
    const [letter] = await lettersOf(seeded.ada);
    expect(letter.status).toBe('queued');
    expect(letter.lastError).toBeTruthy();

    await makeDue(letter.id);
    expect((await deliverLetter(letter.id)).outcome).toBe('retry');
    await makeDue(letter.id);
    expect(await deliverLetter(letter.id)).toEqual({ outcome: 'sent' });

    expect(mail.server.requests()).toBe(3);
    expect(mail.server.emails()).toHaveLength(1);
    expect((await lettersOf(seeded.ada))[0]).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('never sends a second copy after a hang once Resend had accepted it', async () => {
    mail.server.failNext({ kind: 'hang-after-accept' });
    await send(interviewThanksForm(seeded.interviewId, { separate: '' }));
    const [letter] = await lettersOf(seeded.ada);
    // The click waited out its timeout and left the letter queued; Resend had it all along.
    expect(letter.status).toBe('queued');
    expect(mail.server.emails()).toHaveLength(1);

    await makeDue(letter.id);
    expect(await deliverLetter(letter.id, { timeoutMs: 2000 })).toEqual({ outcome: 'sent' });
    expect(mail.server.emails()).toHaveLength(1);
    expect((await lettersOf(seeded.ada))[0].resendId).toBe(mail.server.emails()[0].id);
  }, 30_000);

  it('fails a letter Resend refuses with a 422, shows why, and lets it be sent again', async () => {
    mail.server.failNext({ kind: 'status', status: 422, message: 'The `to` field is invalid.' });
    const result = await send(interviewThanksForm(seeded.interviewId));

    expect(result).toMatchObject({ ok: false, message: 'Not sent. Resend refused it: The `to` field is invalid.' });
    const [failed] = await lettersOf(seeded.ada);
    expect(failed.status).toBe('failed');
    expect((await recipientsOf(seeded.ada, failed.id)).every((r) => r.dedupeKey === null)).toBe(true);

    expect((await send(interviewThanksForm(seeded.interviewId))).ok).toBe(true);
    expect(mail.server.emails()).toHaveLength(1);
  });

  it('gives every person their own letter after a rejection', async () => {
    const result = await send({
      occasion: 'rejection_thanks',
      applicationId: seeded.applicationId,
      separate: 'on',
      requestId: crypto.randomUUID(),
    });

    expect(result.ok).toBe(true);
    const emails = mail.server.emails();
    expect(emails.map((e) => e.to[0]).sort()).toEqual(['alan@acme.example', 'grace@acme.example', 'katherine@acme.example']);
    expect(emails.every((e) => e.cc.length === 0)).toBe(true);
    const alan = emails.find((e) => e.to[0] === 'alan@acme.example')!;
    expect(alan.text).toContain('Dear Alan,');
    expect(alan.text).toContain('I would be fortunate to work with people like you');
    expect(alan.text).toContain(IMPRESSION);
    expect(new Set((await lettersOf(seeded.ada)).map((l) => l.groupId)).size).toBe(1);
  });

  it('sends a test to the person’s own address only, and the test is not the letter', async () => {
    const result = await send(interviewThanksForm(seeded.interviewId, { test: '1' }));

    expect(result).toMatchObject({ ok: true, message: 'Test sent to ada@example.com.' });
    expect(mail.server.emails().map((e) => [e.to, e.cc])).toEqual([[['ada@example.com'], []]]);
    expect(await db.select().from(activities).where(eq(activities.kind, 'letter_sent'))).toHaveLength(0);
    // The real letter can still be sent.
    expect((await send(interviewThanksForm(seeded.interviewId))).message).toBe('Sent to grace@acme.example.');
  });
});

describe('what stops a letter, with nothing written', () => {
  it('names the missing impression and where to fill it in', async () => {
    await db.update(interviews).set({ impression: '   ' }).where(eq(interviews.id, seeded.interviewId));
    const result = await send(interviewThanksForm(seeded.interviewId));

    expect(result.ok).toBe(false);
    expect(result.data?.problems).toEqual([
      {
        message: 'Missing what impressed you most: fill in “What impressed you most?”, on the interview.',
        href: `/applications/${seeded.applicationId}/interviews/${seeded.interviewId}/edit`,
        missing: expect.objectContaining({ field: 'impression' }),
      },
    ]);
    expect(await lettersOf(seeded.ada)).toHaveLength(0);
    expect(mail.server.requests()).toBe(0);
  });

  it('refuses an address that bounced before, until it is fixed', async () => {
    await db.insert(flaggedAddresses).values({ userId: seeded.ada.id, email: 'alan@acme.example', reason: 'bounced' });
    const result = await send(interviewThanksForm(seeded.interviewId));

    expect(result.data?.problems?.[0].message).toBe('alan@acme.example (Alan Turing) bounced before. Fix the address before writing again.');
    expect(await lettersOf(seeded.ada)).toHaveLength(0);
  });

  it('writes to a flagged address again once the person says it is right, and only they can', async () => {
    await db.insert(flaggedAddresses).values({ userId: seeded.ada.id, email: 'alan@acme.example', reason: 'bounced' });
    expect(await contactAddressFlag(seeded.ada.id, seeded.alan)).toMatchObject({ reason: 'bounced' });
    expect(await contactAddressFlag(seeded.mallory.id, seeded.alan)).toBeNull();

    session.user = seeded.mallory;
    expect(await clearAddressFlagAction({ ok: false }, form({ contactId: seeded.alan }))).toMatchObject({ ok: false });
    session.user = seeded.ada;
    // The person has looked at the address again since it bounced.
    await db.update(contacts).set({ updatedAt: new Date(Date.now() + 1000) }).where(eq(contacts.id, seeded.alan));
    expect(await clearAddressFlagAction({ ok: false }, form({ contactId: seeded.alan }))).toMatchObject({
      ok: true,
      message: 'Letters can go to alan@acme.example again.',
    });
    expect((await send(interviewThanksForm(seeded.interviewId))).ok).toBe(true);
    expect(mail.server.emails()[0].cc).toContain('alan@acme.example');
  });

  it('refuses a sender name that would inject a header', async () => {
    await db.update(users).set({ name: 'Ada\r\nBcc: everyone@example.com' }).where(eq(users.id, seeded.ada.id));
    const result = await send(interviewThanksForm(seeded.interviewId));

    expect(result.ok).toBe(false);
    expect(result.data?.problems?.map((p) => p.message)).toContain('Your name: A sender name cannot contain line breaks');
    expect(await lettersOf(seeded.ada)).toHaveLength(0);
  });

  it('refuses edits that use an unknown field, next to the field', async () => {
    const result = await send(interviewThanksForm(seeded.interviewId, { subject: 'Hi {{salary}}', body: 'Dear {{contact.firstName}}' }));

    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.subject?.[0]).toMatch(/^Unknown merge field \{\{salary\}\}/);
    expect(result.values?.subject).toBe('Hi {{salary}}');
  });

  it('stops at the daily cap, counted by recipients', async () => {
    await db.update(users).set({ dailyRecipientCap: 4 }).where(eq(users.id, seeded.ada.id));
    expect((await send(interviewThanksForm(seeded.interviewId))).ok).toBe(true);
    const second = await send({ occasion: 'rejection_thanks', applicationId: seeded.applicationId, separate: 'on', requestId: crypto.randomUUID() });

    expect(second).toMatchObject({
      ok: false,
      message: 'That would pass your limit of 4 recipients in 24 hours (1 left, this needs 3). Nothing was sent; try again later.',
    });
    expect(await lettersOf(seeded.ada)).toHaveLength(1);
    expect(mail.server.emails()).toHaveLength(1);
  });

  it('treats another person’s interview as missing', async () => {
    session.user = seeded.mallory;
    const result = await send(interviewThanksForm(seeded.interviewId));

    expect(result).toMatchObject({ ok: false, message: 'That letter’s interview or application no longer exists.' });
    expect(await db.select().from(letters)).toHaveLength(0);
  });
});

describe('escaping', () => {
  it('sends a company called <script> as text', async () => {
    await db.update(companies).set({ name: '<script>alert(1)</script>' }).where(eq(companies.userId, seeded.ada.id));
    await send(interviewThanksForm(seeded.interviewId));

    const [email] = mail.server.emails();
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).not.toContain('<script>alert');
    expect(email.text).toContain('<script>alert(1)</script>');
  });
});

describe('in local-outbox mode', () => {
  it('marks the letter delivered locally', async () => {
    useOutboxMode();
    try {
      const result = await send(interviewThanksForm(seeded.interviewId));
      expect(result.message).toBe('Delivered to the local outbox for grace@acme.example. Nothing leaves this machine until Resend is set up.');
      expect((await lettersOf(seeded.ada))[0]).toMatchObject({ status: 'delivered', deliveredLocally: true });
      expect(mail.server.requests()).toBe(0);
    } finally {
      restoreEnv();
    }
  });
});
