import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { dashboardChanges, digestLinks, letterEvents } from '@/db/schema';
import { daysBefore } from '@/lib/time/days';
import { FOLLOW_UP_QUEUE } from '@/server/follow-ups/run-automatic-plans';
import { HOUSEKEEPING_QUEUE, runHousekeeping, UNMATCHED_EVENT_DAYS } from '@/server/queue/housekeeping';
import { startLetterWorker, stopLetterWorker, sweepLetters } from '@/server/queue/worker';
import { setupTestDatabase } from '../support/database';
import { seedPerson } from './webhook-support';

setupTestDatabase();
afterEach(() => stopLetterWorker());

async function seedOldEvent(now: Date) {
  const arrivedAt = daysBefore(now, UNMATCHED_EVENT_DAYS + 1);
  await db.insert(letterEvents).values({
    svixId: `msg_${randomUUID()}`,
    type: 'email.delivered',
    emailId: `em_${randomUUID()}`,
    occurredAt: arrivedAt,
    createdAt: arrivedAt,
  });
}

/** Two changes a day old for one person: a prune keeps only the newest. */
async function seedOldChanges(userId: string, now: Date) {
  const old = daysBefore(now, 2);
  await db.insert(dashboardChanges).values([
    { userId, changedAt: old },
    { userId, changedAt: old },
  ]);
}

describe('housekeeping, a job of its own', () => {
  it('prunes stale webhook events and the dashboard change log in one run', async () => {
    const now = new Date();
    const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
    await seedOldEvent(now);
    await seedOldChanges(ada.id, now);
    const changesBefore = (await db.select().from(dashboardChanges)).length;

    await runHousekeeping(now);

    expect(await db.select().from(letterEvents)).toEqual([]);
    expect((await db.select().from(dashboardChanges)).length).toBeLessThan(changesBefore);
  });

  it('deletes the digest’s Send links once expired, and keeps the live ones', async () => {
    const now = new Date();
    const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
    const link = (tokenHash: string, expiresAt: Date) => ({ userId: ada.id, tokenHash, target: { letterId: randomUUID() }, expiresAt });
    await db.insert(digestLinks).values([link('expired', new Date(now.getTime() - 1000)), link('live', new Date(now.getTime() + 3_600_000))]);

    await runHousekeeping(now);

    expect((await db.select().from(digestLinks)).map((l) => l.tokenHash)).toEqual(['live']);
  });

  it('is not part of the letter sweep, which only enqueues due letters', async () => {
    const now = new Date();
    const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
    await seedOldEvent(now);
    await seedOldChanges(ada.id, now);
    const changesBefore = (await db.select().from(dashboardChanges)).length;
    const boss = { send: vi.fn(async () => null) };

    await sweepLetters(boss);

    expect(await db.select().from(letterEvents)).toHaveLength(1);
    expect(await db.select().from(dashboardChanges)).toHaveLength(changesBefore);
  });

  it('is scheduled by name when the worker starts, and the retired once-a-minute sweep schedule is gone', async () => {
    const boss = await startLetterWorker();
    const names = (await boss.getSchedules()).map((schedule) => schedule.name).sort();
    // The automatic follow-up plans have their own schedule too; the letter sweep is a timer in each worker now.
    expect(names).toEqual([FOLLOW_UP_QUEUE, HOUSEKEEPING_QUEUE].sort());

    // A database from before 0013 holds the old schedule: the next start removes it.
    await boss.createQueue('letter-sweep');
    await boss.schedule('letter-sweep', '* * * * *');
    await stopLetterWorker();
    const restarted = await startLetterWorker();
    expect((await restarted.getSchedules()).map((schedule) => schedule.name)).not.toContain('letter-sweep');
    expect(await restarted.getQueue('letter-sweep')).toBeNull();
  });
});
