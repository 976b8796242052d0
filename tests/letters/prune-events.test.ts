import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { deleteUnmatchedEventsBefore } from '@/db/queries/letter-events';
import { letterEvents } from '@/db/schema';
import { pruneUnmatchedEvents, UNMATCHED_EVENT_DAYS } from '@/server/queue/housekeeping';
import { startLetterWorker, stopLetterWorker } from '@/server/queue/worker';
import { setupTestDatabase } from '../support/database';
import { allEvents, seedLetter, seedPerson } from './webhook-support';

setupTestDatabase();
afterEach(() => stopLetterWorker());

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2025-06-30T12:00:00Z');
const daysBefore = (days: number, from = now) => new Date(from.getTime() - days * DAY);

/** An event as stored when it arrived; unmatched unless it names a letter and its owner. */
async function seedEvent(arrivedAt: Date, owner?: { userId: string; letterId: string }) {
  const [event] = await db
    .insert(letterEvents)
    .values({
      svixId: `msg_${randomUUID()}`,
      userId: owner?.userId ?? null,
      letterId: owner?.letterId ?? null,
      type: 'email.delivered',
      emailId: `em_${randomUUID()}`,
      occurredAt: arrivedAt,
      createdAt: arrivedAt,
    })
    .returning();
  return event.id;
}

const remainingIds = async () => (await allEvents()).map((event) => event.id).sort();

describe('pruning webhook events that never found their letter', () => {
  it('deletes unmatched events older than the wait, and keeps recent ones', async () => {
    await seedEvent(daysBefore(UNMATCHED_EVENT_DAYS + 1));
    await seedEvent(daysBefore(UNMATCHED_EVENT_DAYS + 0.01));
    const justInside = await seedEvent(daysBefore(UNMATCHED_EVENT_DAYS - 0.01));
    const recent = await seedEvent(now);

    expect(await pruneUnmatchedEvents(now)).toBe(2);

    expect(await remainingIds()).toEqual([justInside, recent].sort());
  });

  it('keeps matched events whatever their age, for every person', async () => {
    const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
    const mallory = await seedPerson('mallory@example.com', 'Mallory');
    const adasLetter = await seedLetter(ada.id);
    const mallorysLetter = await seedLetter(mallory.id);
    const adas = await seedEvent(daysBefore(400), { userId: ada.id, letterId: adasLetter.id });
    const mallorys = await seedEvent(daysBefore(30), { userId: mallory.id, letterId: mallorysLetter.id });
    await seedEvent(daysBefore(30));

    expect(await pruneUnmatchedEvents(now)).toBe(1);

    expect(await remainingIds()).toEqual([adas, mallorys].sort());
  });

  it('deletes at most one batch per call, oldest first', async () => {
    const newest = await seedEvent(daysBefore(10));
    await seedEvent(daysBefore(12));
    await seedEvent(daysBefore(11));
    const cutoff = daysBefore(UNMATCHED_EVENT_DAYS);

    expect(await deleteUnmatchedEventsBefore(cutoff, 2)).toBe(2);
    expect(await remainingIds()).toEqual([newest]);

    expect(await deleteUnmatchedEventsBefore(cutoff, 2)).toBe(1);
    expect(await deleteUnmatchedEventsBefore(cutoff, 2)).toBe(0);
    expect(await allEvents()).toEqual([]);
  });

  it('are pruned by the housekeeping run the worker makes as it starts', async () => {
    const today = new Date();
    await seedEvent(daysBefore(UNMATCHED_EVENT_DAYS + 1, today));
    const recent = await seedEvent(today);

    // Housekeeping runs once as the worker starts, then on its own schedule.
    await startLetterWorker();

    expect(await remainingIds()).toEqual([recent]);
  });
});
