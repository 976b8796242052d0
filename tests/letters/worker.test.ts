import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { letters } from '@/db/schema';
import { deliverLetter } from '@/server/letters/deliver-letter';
import { startLetterWorker } from '@/server/queue/worker';
import { useResendTestServer } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';
import { lettersOf, makeLate, queueThanks as queueLettersFor, seedInterviewBeforeEach } from './support';

setupTestDatabase();
const mail = useResendTestServer();

const seeded = seedInterviewBeforeEach();

const queueThanks = () => queueLettersFor(seeded);

async function waitForStatus(letterId: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [letter] = await db.select().from(letters).where(eq(letters.id, letterId));
    if (letter.status !== 'queued' || Date.now() > until) return letter;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the letter queue', () => {
  it('sends, after a restart, a letter whose sender died mid-send, exactly once', async () => {
    const letterId = await queueThanks();
    // A sender claimed it and crashed: its claim has run out, nothing was recorded.
    await db
      .update(letters)
      .set({ attempts: 1, claimedUntil: new Date(Date.now() - 1000) })
      .where(eq(letters.id, letterId));
    expect(mail.server.emails()).toHaveLength(0);

    await startLetterWorker();
    const letter = await waitForStatus(letterId);

    expect(letter).toMatchObject({ status: 'sent', attempts: 2 });
    expect(mail.server.emails()).toHaveLength(1);
    expect(mail.server.emails()[0].idempotencyKey).toBe(letter.idempotencyKey);
  }, 30_000);

  it('leaves alone a letter another sender holds', async () => {
    const letterId = await queueThanks();
    await db.update(letters).set({ claimedUntil: new Date(Date.now() + 60_000) }).where(eq(letters.id, letterId));

    expect(await deliverLetter(letterId)).toEqual({ outcome: 'not_due' });
    expect(mail.server.requests()).toBe(0);
  });

  it('asks the person to decide instead of retrying after 23 hours', async () => {
    const letterId = await queueThanks();
    // Handed over once, with no answer: it may have gone.
    mail.server.failNext({ kind: 'hang-after-accept' });
    expect((await deliverLetter(letterId, { timeoutMs: 300 })).outcome).toBe('retry');
    await makeLate(letterId);
    await db.update(letters).set({ nextAttemptAt: new Date() }).where(eq(letters.id, letterId));

    expect(await deliverLetter(letterId)).toEqual({ outcome: 'needs_decision' });
    expect((await lettersOf(seeded.ada))[0]).toMatchObject({ status: 'needs_decision' });
    expect(mail.server.requests()).toBe(1);
  });
});

describe('the person’s decision on a late letter', () => {
  it('sends it again under a new key, or discards it so it can be written afresh', async () => {
    const { decideLetter } = await import('@/server/letters/decide-letter');
    const first = await queueThanks();
    await db.update(letters).set({ status: 'needs_decision' }).where(eq(letters.id, first));
    const [before] = await db.select().from(letters).where(eq(letters.id, first));

    expect(await decideLetter(seeded.mallory.id, first, 'send_again')).toBe(false);
    expect(await decideLetter(seeded.ada.id, first, 'send_again')).toBe(true);
    const [after] = await db.select().from(letters).where(eq(letters.id, first));
    expect(after.status).toBe('sent');
    expect(after.idempotencyKey).not.toBe(before.idempotencyKey);
    expect(mail.server.emails()).toHaveLength(1);
    expect(await decideLetter(seeded.ada.id, first, 'discard')).toBe(false);
  });
});
