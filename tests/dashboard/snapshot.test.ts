import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { whatIsDueNow } from '@/app/(app)/dashboard/due/load-due';
import { outcomesNow } from '@/app/(app)/dashboard/outcomes/load-outcomes';
import { db } from '@/db';
import { fromSnapshot, pruneDashboardChanges } from '@/db/queries/dashboard-snapshot';
import { applications, contacts, dashboardChanges, dashboardSnapshots, letters, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { setupTestDatabase } from '../support/database';
import { daysAgo, hoursAgo, seedApp, seedInterviewAt, seedLetter, seedPeople, seedPersonMet } from './due-seed';

setupTestDatabase();

const MINUTE = 60_000;

let ada: SessionUser;
let mallory: SessionUser;
beforeEach(async () => {
  ({ ada, mallory } = await seedPeople());
});

/** A snapshot of a counter: how many times the figures were really computed. */
function counted(userId: string, options: { now?: Date; maxAgeMs?: number } = {}) {
  let computed = 0;
  const read = async () => {
    const { data } = await fromSnapshot(
      userId,
      'test',
      options.maxAgeMs ?? 10 * MINUTE,
      async () => {
        computed += 1;
        return { computed, at: new Date('2026-03-01T09:00:00Z'), byStage: new Map([['applied', 2]]) };
      },
      { now: options.now },
    );
    return data;
  };
  return { read, computations: () => computed };
}

describe('dashboard snapshots', () => {
  it('keep what was computed, Dates and Maps intact, until something of the person’s is written', async () => {
    const figures = counted(ada.id);
    const first = await figures.read();
    const again = await figures.read();
    expect(figures.computations()).toBe(1);
    expect(again).toEqual(first);
    expect(again.at).toBeInstanceOf(Date);
    expect(again.byStage.get('applied')).toBe(2);

    await seedApp(ada.id, { stage: 'applied' });
    expect((await figures.read()).computed).toBe(2);
    expect((await figures.read()).computed).toBe(2);
  });

  it('notice writes to any table the dashboard reads, from any code path: an update, a delete, the person’s own row', async () => {
    const applicationId = await seedApp(ada.id, { stage: 'applied' });
    const grace = await seedPersonMet(ada.id, applicationId, 'Grace Hopper', { primary: true });
    const letterId = await seedLetter(ada.id, { kind: 'interview_thanks', applicationId, to: grace, at: daysAgo(1) });
    const figures = counted(ada.id);
    await figures.read();

    const writes = [
      () => db.update(letters).set({ status: 'delivered' }).where(eq(letters.id, letterId)),
      () => db.update(contacts).set({ repliedAt: new Date() }).where(eq(contacts.id, grace)),
      () => db.update(users).set({ signature: 'Best,\nAda' }).where(eq(users.id, ada.id)),
      () => db.delete(applications).where(eq(applications.id, applicationId)),
    ];
    for (const [i, write] of writes.entries()) {
      await write();
      expect((await figures.read()).computed, `after write ${i + 1}`).toBe(i + 2);
    }
  });

  it('ignore another person’s writes', async () => {
    const figures = counted(ada.id);
    await figures.read();
    await seedApp(mallory.id, { stage: 'applied' });
    await db.update(users).set({ signature: 'M' }).where(eq(users.id, mallory.id));
    expect((await figures.read()).computed).toBe(1);
  });

  it('are computed again once older than their age limit, for what changes with the clock alone', async () => {
    const now = new Date();
    await counted(ada.id, { now: new Date(now.getTime() - 2 * MINUTE) }).read();
    const figures = counted(ada.id, { now, maxAgeMs: MINUTE });
    expect((await figures.read()).computed).toBe(1);
    expect(figures.computations()).toBe(1);
    expect((await figures.read()).computed).toBe(1);
    expect(figures.computations()).toBe(1);
  });

  it('never take figures computed during a write for current', async () => {
    let computed = 0;
    const read = () =>
      fromSnapshot(ada.id, 'test', 10 * MINUTE, async () => {
        computed += 1;
        // A write that commits while the figures are being computed, after the log was read.
        if (computed === 1) await seedApp(ada.id, { stage: 'applied' });
        return computed;
      });
    expect((await read()).data).toBe(1);
    expect((await read()).data).toBe(2);
    expect((await read()).data).toBe(2);
  });

  it('keep What is due and the Outcomes in step with a letter sent and its delivery', async () => {
    const applicationId = await seedApp(ada.id, { stage: 'interviewing' });
    const grace = await seedPersonMet(ada.id, applicationId, 'Grace Hopper', { primary: true });
    const interviewId = await seedInterviewAt(ada.id, applicationId, hoursAgo(20), { attendees: [grace] });
    const now = new Date();
    expect((await whatIsDueNow(ada.id, now)).thankYou.rows.map((r) => r.interviewId)).toEqual([interviewId]);
    expect((await outcomesNow(ada.id, '90', now)).data.letters.total.delivered).toBe(0);

    const letterId = await seedLetter(ada.id, { kind: 'interview_thanks', applicationId, interviewId, to: grace, at: now });
    expect((await whatIsDueNow(ada.id, now)).thankYou.rows).toEqual([]);
    await db.update(letters).set({ status: 'delivered' }).where(eq(letters.id, letterId));
    expect((await outcomesNow(ada.id, '90', now)).data.letters.total.delivered).toBe(1);
    expect(await db.select({ key: dashboardSnapshots.key }).from(dashboardSnapshots).where(eq(dashboardSnapshots.userId, mallory.id))).toEqual([]);
  });

  it('log nothing for a person being deleted, and the sweep prunes the log down to each person’s newest change', async () => {
    await seedApp(ada.id, { stage: 'applied' });
    await seedApp(ada.id, { stage: 'applied' });
    await seedApp(mallory.id, { stage: 'applied' });
    await db.delete(users).where(eq(users.id, mallory.id));
    const log = () => db.select().from(dashboardChanges).orderBy(dashboardChanges.id);
    const before = await log();
    expect(before.filter((c) => c.userId === mallory.id).length).toBeGreaterThan(0); // from before the deletion

    await pruneDashboardChanges(new Date(Date.now() + 2 * 24 * 60 * MINUTE));
    const after = await log();
    expect(after).toEqual([before.filter((c) => c.userId === ada.id).at(-1)]);
  });
});
