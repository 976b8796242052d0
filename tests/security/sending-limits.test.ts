import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { parseEnv, resetEnv } from '@/env';
import { DAILY_RECIPIENT_CAP, NEW_ACCOUNT_DAILY_RECIPIENT_CAP, NEW_ACCOUNT_DAYS } from '@/lib/letters/limits';
import { OPERATOR_PAUSE_REASON } from '@/lib/letters/pause';
import { letterRecipients, letters, sendingLedger, sendingPauses, users } from '@/db/schema';
import { RATE_LIMIT_WAIT_SECONDS } from '@/lib/letters/retry';
import { deleteApplication } from '@/server/applications/delete-application';
import { logInterview } from '@/server/interviews/log-interview';
import { deliverLetter } from '@/server/letters/deliver-letter';
import { sweepLetters } from '@/server/queue/worker';
import { useResendTestServer } from '../helpers/mail-mode';
import { interviewInput, seedApplication } from '../interviews/support';
import { IMPRESSION, makeDue, makeLate, queueThanks, seedInterviewBeforeEach } from '../letters/support';
import { setupTestDatabase } from '../support/database';

setupTestDatabase();
const mail = useResendTestServer();

const seeded = seedInterviewBeforeEach();
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

const letterRow = async (letterId: string) => (await db.select().from(letters).where(eq(letters.id, letterId)))[0];

describe('Resend’s 429', () => {
  it('waits at least 10 s when it names no time', async () => {
    const letterId = await queueThanks(seeded);
    mail.server.failNext({ kind: 'status', status: 429, retryAfter: null });
    const before = Date.now();

    const result = await deliverLetter(letterId);

    expect(result.outcome).toBe('retry');
    const retryAt = result.outcome === 'retry' ? result.retryAt.getTime() : 0;
    expect(RATE_LIMIT_WAIT_SECONDS).toBeGreaterThanOrEqual(10);
    expect(retryAt - before).toBeGreaterThanOrEqual(RATE_LIMIT_WAIT_SECONDS * 1000);
    expect((await letterRow(letterId)).status).toBe('queued');
  });

  it('waits as long as it says when it names a time', async () => {
    const letterId = await queueThanks(seeded);
    mail.server.failNext({ kind: 'status', status: 429, retryAfter: 30 });
    const before = Date.now();

    const result = await deliverLetter(letterId);

    const retryAt = result.outcome === 'retry' ? result.retryAt.getTime() : 0;
    expect(retryAt - before).toBeGreaterThanOrEqual(30_000);
    expect(retryAt - before).toBeLessThan(40_000);
  });

  it('stops every letter until the next UTC day when the daily quota is spent, and says so on the letter', async () => {
    const first = await queueThanks(seeded);
    mail.server.failNext({ kind: 'status', status: 429, name: 'daily_quota_exceeded', message: 'You have reached your daily email sending quota.' });

    const result = await deliverLetter(first);

    const now = new Date();
    const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
    expect(result).toEqual({ outcome: 'retry', retryAt: midnight });
    const letter = await letterRow(first);
    expect(letter).toMatchObject({ status: 'queued', nextAttemptAt: midnight });
    expect(letter.lastError).toMatch(/^Sending is paused: .*daily allowance.*goes on its own after/);
    expect(await db.select({ quota: sendingPauses.quota, until: sendingPauses.until }).from(sendingPauses)).toEqual([
      { quota: 'daily', until: midnight },
    ]);

    // Another letter, due now: not even asked for, and it says why.
    const requests = mail.server.requests();
    await db.update(letters).set({ isTest: true }).where(eq(letters.id, first));
    const second = await queueThanks(seeded, { test: true });
    await makeDue(second);
    expect(await deliverLetter(second)).toEqual({ outcome: 'retry', retryAt: midnight });
    expect(mail.server.requests()).toBe(requests);
    expect((await letterRow(second)).lastError).toMatch(/^Sending is paused/);
  });

  it('stops until the first of next month when the monthly quota is spent', async () => {
    const letterId = await queueThanks(seeded);
    mail.server.failNext({ kind: 'status', status: 429, name: 'monthly_quota_exceeded', message: 'You have reached your monthly email sending quota.' });

    const result = await deliverLetter(letterId);

    const now = new Date();
    const firstOfNextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    expect(result).toEqual({ outcome: 'retry', retryAt: firstOfNextMonth });
    expect((await letterRow(letterId)).lastError).toMatch(/monthly allowance/);
  });
});

describe('a retry', () => {
  it('hands Resend exactly the body of the first attempt, to the same people in the same order, under the same key', async () => {
    const letterId = await queueThanks(seeded);
    // Resend takes the letter, and the answer never comes back.
    mail.server.failNext({ kind: 'hang-after-accept' });
    expect((await deliverLetter(letterId, { timeoutMs: 300 })).outcome).toBe('retry');
    const stored = (await letterRow(letterId)).payload;
    expect(stored).toMatchObject({ to: ['grace@acme.example'], cc: ['alan@acme.example', 'katherine@acme.example'] });

    // Whatever changes in the rows the first body was formed from, the retry does not.
    await db.update(letterRecipients).set({ email: 'someone-else@elsewhere.example' }).where(eq(letterRecipients.email, 'alan@acme.example'));
    await db.update(letters).set({ subject: 'Another subject' }).where(eq(letters.id, letterId));
    await makeDue(letterId);

    expect(await deliverLetter(letterId)).toEqual({ outcome: 'sent' });
    const emails = mail.server.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: stored!.to, cc: stored!.cc, subject: stored!.subject });
    expect((await letterRow(letterId)).payload).toEqual(stored);
  });
});

describe('the operator’s switch, SENDING_PAUSED', () => {
  const pause = (value: string) => {
    vi.stubEnv('SENDING_PAUSED', value);
    resetEnv();
  };
  afterEach(() => pause(''));
  /** What the sweep would wake the sender for. */
  async function swept() {
    const woken: string[] = [];
    await sweepLetters({ send: async (_queue: string, data: object) => void woken.push((data as { letterId: string }).letterId) } as never);
    return woken;
  }

  it('is 1 or 0, and anything else stops the server naming it', () => {
    expect(parseEnv({ SENDING_PAUSED: '1' }).sendingPaused).toBe(true);
    expect(parseEnv({ SENDING_PAUSED: '0' }).sendingPaused).toBe(false);
    expect(parseEnv({}).sendingPaused).toBe(false);
    expect(() => parseEnv({ SENDING_PAUSED: 'yes' })).toThrow(/SENDING_PAUSED must be 1/);
  });

  it('holds every letter, queued and saying why, and sends each once it is off, however long it was on', async () => {
    pause('1');
    const letterId = await queueThanks(seeded);

    expect(await deliverLetter(letterId)).toEqual({ outcome: 'paused' });
    expect(await swept()).toEqual([]);
    expect(mail.server.requests()).toBe(0);
    expect(await letterRow(letterId)).toMatchObject({ status: 'queued', lastError: OPERATOR_PAUSE_REASON, payload: null });

    // A day and more later, the operator turns it off.
    await makeLate(letterId);
    pause('0');
    expect(await swept()).toEqual([letterId]);
    expect(await deliverLetter(letterId)).toEqual({ outcome: 'sent' });
    expect(await letterRow(letterId)).toMatchObject({ status: 'sent', lastError: null });
    expect(mail.server.emails()).toHaveLength(1);
  });
});

describe('the daily recipient cap', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const ageAccount = (days: number) => db.update(users).set({ createdAt: new Date(Date.now() - days * DAY) }).where(eq(users.id, seeded.ada.id));
  /** A second interview with the same three people, at another company. */
  async function anotherInterview() {
    const applicationId = await seedApplication(seeded.ada.id, 'interviewing', 'Globex');
    const interview = await logInterview(
      seeded.ada.id,
      applicationId,
      interviewInput({ scheduledAt: new Date(Date.now() - DAY), kind: 'video', impression: IMPRESSION, attendeeIds: [seeded.grace, seeded.alan, seeded.katherine], primary: { contactId: seeded.grace } }),
    );
    return { ...seeded, applicationId, interviewId: interview!.interviewId };
  }

  it('is not made fresh by deleting the application the letters were for', async () => {
    await ageAccount(30);
    await db.update(users).set({ dailyRecipientCap: 4 }).where(eq(users.id, seeded.ada.id));
    await queueThanks(seeded);
    expect(await deleteApplication(seeded.ada.id, seeded.applicationId)).toBe(true);
    expect(await db.select().from(letters)).toHaveLength(0);

    await expect(queueThanks(await anotherInterview())).rejects.toThrow(
      'That would pass your limit of 4 recipients in 24 hours (1 left, this needs 3). Nothing was sent; try again later.',
    );
  });

  it('holds for two clicks at the same moment: the second counts the first’s recipients, under the person’s lock', async () => {
    await ageAccount(30);
    await db.update(users).set({ dailyRecipientCap: 4 }).where(eq(users.id, seeded.ada.id));
    const other = await anotherInterview();

    // Three recipients each, room for one: whichever writes second must see the first's ledger row.
    const outcomes = await Promise.allSettled([queueThanks(seeded), queueThanks(other)]);

    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { message: expect.stringContaining('limit of 4 recipients') } });
    expect(await db.select().from(letters)).toHaveLength(1);
    expect(await db.select({ recipients: sendingLedger.recipients }).from(sendingLedger)).toEqual([{ recipients: 3 }]);
  });

  it('is 20 for an account in its first 7 days, then the account’s own', async () => {
    expect([NEW_ACCOUNT_DAILY_RECIPIENT_CAP, NEW_ACCOUNT_DAYS, DAILY_RECIPIENT_CAP]).toEqual([20, 7, 50]);
    await db.insert(sendingLedger).values({ userId: seeded.ada.id, recipients: 18 });

    await expect(queueThanks(seeded)).rejects.toThrow(
      'That would pass your limit of 20 recipients in 24 hours while your account is new (its first 7 days) (2 left, this needs 3).',
    );
    await ageAccount(NEW_ACCOUNT_DAYS + 1);
    await expect(queueThanks(seeded)).resolves.toBeTruthy();
  });

  it('keeps its ledger when the account is deleted, naming no one', async () => {
    await queueThanks(seeded);
    await db.delete(users).where(eq(users.id, seeded.ada.id));

    expect(await db.select({ userId: sendingLedger.userId, recipients: sendingLedger.recipients }).from(sendingLedger)).toEqual([
      { userId: seeded.ada.id, recipients: 3 },
    ]);
  });
});
