import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { claimLetter, dueLetterIds, renewClaim } from '@/db/queries/letter-queue';
import { rowsOf } from '@/db/rows';
import { changeSendPacing, clearSendPacing, takeSendSlot } from '@/db/queries/send-pacing';
import { letters } from '@/db/schema';
import { deliverLetter } from '@/server/letters/deliver-letter';
import { startLetterWorker, wakeSender } from '@/server/queue/worker';
import { useResendTestServer } from '../helpers/mail-mode';
import { queueThanks, seedInterviewBeforeEach } from '../letters/support';
import { setupTestDatabase } from '../support/database';

/*
 * Several processes on one database: each sender below stands for a web
 * process or a worker. On Postgres the calls run on separate pooled
 * connections, so "at the same moment" is real concurrency.
 */

setupTestDatabase();
const mail = useResendTestServer();

const seeded = seedInterviewBeforeEach();
afterEach(() => {
  vi.useRealTimers();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const letterRow = async (id: string) => (await db.select().from(letters).where(eq(letters.id, id)))[0];

/** Seconds from the database's now to a moment: the clock every process agrees on. */
async function secondsFromDatabaseNow(at: Date) {
  const [row] = await rowsOf<{ s: string }>(sql`select extract(epoch from (${at.toISOString()}::timestamptz - now())) as s`);
  return Number(row.s);
}

describe('several senders on one database', () => {
  it('four senders take the same letter at the same moment: one sends it, the others find it held, and it leaves once', async () => {
    const letterId = await queueThanks(seeded);
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => deliverLetter(letterId)));

    expect(outcomes.filter((outcome) => outcome.outcome === 'sent')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.outcome === 'not_due')).toHaveLength(3);
    expect(mail.server.emails()).toHaveLength(1);
    expect(await letterRow(letterId)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a live sender keeps its hold by renewing it; a dead one’s runs out, and the letter then leaves once', async () => {
    const letterId = await queueThanks(seeded);
    expect(await claimLetter(letterId, 600)).not.toBeNull();
    await sleep(300);
    expect(await renewClaim(seeded.ada.id, letterId, 600)).toBe(true);
    await sleep(400); // past the first hold, inside the renewed one
    expect(await dueLetterIds()).not.toContain(letterId);
    expect(await deliverLetter(letterId)).toEqual({ outcome: 'not_due' });

    await sleep(400); // the sender died: no renewal, the hold is over
    expect(await dueLetterIds()).toContain(letterId);
    expect(await deliverLetter(letterId)).toEqual({ outcome: 'sent' });
    expect(mail.server.emails()).toHaveLength(1);
    // The letter is recorded: a late renewal from the dead sender finds nothing to hold.
    expect(await renewClaim(seeded.ada.id, letterId, 600)).toBe(false);
    // Another person's id renews nothing either.
    expect(await renewClaim(seeded.mallory.id, letterId, 600)).toBe(false);
  });

  it('a running worker sends a letter whose sender died mid-send within seconds, with no restart', async () => {
    await startLetterWorker();
    // Written while this worker was busy elsewhere: a sender took it, then died (its hold ends in a second).
    const letterId = await queueThanks(seeded);
    await db.update(letters).set({ claimedUntil: sql`now() + interval '1 second'`, attempts: 1 }).where(eq(letters.id, letterId));
    const diedAt = Date.now();

    let letter = await letterRow(letterId);
    while (letter.status !== 'sent' && Date.now() - diedAt < 25_000) {
      await sleep(250);
      letter = await letterRow(letterId);
    }
    expect(letter.status).toBe('sent');
    // Its hold (1 s) plus at most one sweep (10 s), well inside the 30 s the issue allows.
    expect(Date.now() - diedAt).toBeLessThan(15_000);
    expect(mail.server.emails()).toHaveLength(1);
  }, 30_000);

  it('a second wake-up of a letter already sent takes no sending slot from the shared pace', async () => {
    await startLetterWorker();
    const letterId = await queueThanks(seeded);
    expect(await deliverLetter(letterId)).toEqual({ outcome: 'sent' });
    await clearSendPacing();
    await changeSendPacing({ spacingMs: 10_000 }); // a slot taken now would push the next one 10 s off

    await wakeSender([letterId]);
    await sleep(3_000); // the queue polls every second

    expect((await takeSendSlot()).waitMs).toBeLessThan(1_000);
    expect(mail.server.emails()).toHaveLength(1);
  });

  it('Resend answers 429 to every sender at once: each letter waits, and the next slot for everyone is after Resend’s wait', async () => {
    const first = await queueThanks(seeded);
    const second = await queueThanks(seeded, { test: true }); // a copy to herself: a second letter
    expect(second).not.toBe(first);
    mail.server.failNext({ kind: 'status', status: 429, retryAfter: 3 }, 2);
    const outcomes = await Promise.all([deliverLetter(first), deliverLetter(second)]);

    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['retry', 'retry']);
    expect((await takeSendSlot()).waitMs).toBeGreaterThan(2_000);
    expect(mail.server.emails()).toHaveLength(0);
  });

  it('a process whose clock is 2 minutes fast still claims and retries on the database’s clock', async () => {
    const letterId = await queueThanks(seeded);
    vi.useFakeTimers({ now: Date.now() + 2 * 60_000, toFake: ['Date'] });
    mail.server.failNext({ kind: 'status', status: 500 });

    const outcome = await deliverLetter(letterId);

    expect(outcome.outcome).toBe('retry');
    const letter = await letterRow(letterId);
    // The first backoff is 10 s: counted from the database's now, not from this process's.
    const wait = await secondsFromDatabaseNow(letter.nextAttemptAt);
    expect(wait).toBeGreaterThan(5);
    expect(wait).toBeLessThan(15);
    expect(outcome.outcome === 'retry' && outcome.retryAt.getTime()).toBe(letter.nextAttemptAt.getTime());
    expect(letter.claimedUntil).toBeNull();
  });
});
