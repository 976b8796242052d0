import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { interviews, letterRecipients, letters, users } from '@/db/schema';
import { UserError } from '@/lib/errors';
import { MOVED_TO_HOUR } from '@/lib/follow-ups/quiet-hours';
import { instantToWallTime } from '@/lib/time/zoned-time';
import { moveApplications } from '@/server/applications/move-applications';
import { type AutomaticRequest, runAutomaticPlans } from '@/server/follow-ups/run-automatic-plans';
import { cancelLetter } from '@/server/letters/cancel-letter';
import { restoreEnv, useOutboxMode } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';
import { daysAgo, seedInterviewAt, seedPeople, seedPlanApp, seedPlanLetter, setDefaultMode } from './support';

setupTestDatabase();

// Wed 13 May 2026, 20:00 UTC: evening in Europe, afternoon in New York. The clock stands there (Date only).
const now = new Date('2026-05-13T20:00:00Z');
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now }));
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Writes nothing: records what the job asks the core's send for. */
function recorder(answer: (request: AutomaticRequest) => Promise<{ ok: boolean }> = async () => ({ ok: true })) {
  const asked: { userId: string; request: AutomaticRequest }[] = [];
  const write = async (userId: string, request: AutomaticRequest) => {
    asked.push({ userId, request });
    return answer(request);
  };
  return { asked, write };
}

describe('the automatic follow-up job', () => {
  it('writes each automatic step coming due within a day, scheduled inside the recipient’s working hours', async () => {
    const { ada, mallory } = await seedPeople();
    await setDefaultMode(ada.id, 'after_applying', 'automatic');
    const soon = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30, appliedDaysAgo: 7, company: 'Soon' });
    await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30, appliedDaysAgo: 3, company: 'Later' });
    // Mallory's plans are on Ask: nothing of hers is written.
    await seedPlanApp(mallory.id, { stage: 'applied', movedDaysAgo: 30, appliedDaysAgo: 20, company: 'Mallory' });
    await db.update(users).set({ timeZone: 'Europe/Berlin' }).where(eq(users.id, ada.id));

    const { asked, write } = recorder();
    expect(await runAutomaticPlans(now, write)).toEqual({ written: 1, skipped: 0, failed: 0 });
    expect(asked).toHaveLength(1);
    const [{ userId, request }] = asked;
    expect(userId).toBe(ada.id);
    expect(request).toMatchObject({
      automatic: true,
      plan: { kind: 'after_applying', step: 1 },
      separate: true,
      test: false,
      template: { name: 'Follow-up check-in' },
      context: { kind: 'follow_up', applicationId: soon.applicationId, people: [expect.objectContaining({ contactId: soon.grace })] },
    });
    // Due now-ish, but 22:00 in Berlin: it leaves at 09:00 there the next morning.
    expect(instantToWallTime(request.sendAt, 'Europe/Berlin')).toBe(`2026-05-14T0${MOVED_TO_HOUR}:00`);
  });

  it('measures working hours in the latest interview’s time zone, else the person’s own', async () => {
    const { ada } = await seedPeople();
    await setDefaultMode(ada.id, 'after_thanks', 'automatic');
    const { applicationId, grace } = await seedPlanApp(ada.id, { stage: 'interviewing', movedDaysAgo: 30 });
    const interviewId = await seedInterviewAt(ada.id, applicationId, new Date(now.getTime() - 12 * 86_400_000), { attendees: [grace] });
    await db.update(interviews).set({ timeZone: 'America/New_York' }).where(eq(interviews.id, interviewId));
    const { seedLetter } = await import('./support');
    await seedLetter(ada.id, { kind: 'interview_thanks', applicationId, interviewId, to: grace, at: new Date(now.getTime() - 11 * 86_400_000) });

    const { asked, write } = recorder();
    await runAutomaticPlans(now, write);
    // 16:00 in New York on a Wednesday: inside the hours, so it leaves as soon as it is due.
    expect(asked.map((a) => a.request.sendAt)).toEqual([now]);
  });

  it('writes nothing for a plan stopped, on Ask, or whose step is already written', async () => {
    const { ada } = await seedPeople();
    await setDefaultMode(ada.id, 'after_rejection', 'automatic');
    const { applicationId, grace } = await seedPlanApp(ada.id, { stage: 'rejected', movedDaysAgo: 100 });
    await seedPlanLetter(ada.id, { applicationId, to: grace, plan: 'after_rejection', step: 1, at: daysAgo(1), status: 'scheduled', automatic: true });
    const { asked, write } = recorder();
    expect(await runAutomaticPlans(now, write)).toEqual({ written: 0, skipped: 0, failed: 0 });
    expect(asked).toEqual([]);
  });

  it('logs a refusal (the daily cap) and goes on with the next person; the next run tries again', async () => {
    const { ada, mallory } = await seedPeople();
    for (const person of [ada, mallory]) {
      await setDefaultMode(person.id, 'after_applying', 'automatic');
      await seedPlanApp(person.id, { stage: 'applied', movedDaysAgo: 30, company: `${person.name} One` });
      await seedPlanApp(person.id, { stage: 'applied', movedDaysAgo: 30, company: `${person.name} Two` });
    }
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { asked, write } = recorder(async (request) => {
      if (request.context.company.startsWith('Ada')) throw new UserError('That would pass your limit of 20 recipients in 24 hours.');
      return { ok: true };
    });
    expect(await runAutomaticPlans(now, write)).toEqual({ written: 2, skipped: 0, failed: 1 });
    // Ada's second step is not tried once the cap refused her first; Mallory's both are.
    const companies = asked.map((a) => a.request.context.company);
    expect(companies.filter((c) => c.startsWith('Ada'))).toHaveLength(1);
    expect(companies.filter((c) => c.startsWith('Mallory')).sort()).toEqual(['Mallory Moriarty One', 'Mallory Moriarty Two']);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('pass your limit'));
  });

  it('skips a step whose letter cannot be written, and counts it', async () => {
    const { ada } = await seedPeople();
    await setDefaultMode(ada.id, 'after_applying', 'automatic');
    await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30 });
    const { write } = recorder(async () => ({ ok: false }));
    expect(await runAutomaticPlans(now, write)).toEqual({ written: 0, skipped: 1, failed: 0 });
  });
});

describe('the automatic follow-up job, writing for real', () => {
  beforeEach(() => useOutboxMode());
  afterEach(() => restoreEnv());

  it('writes one scheduled letter per step, however many runs (or processes) ask, then none once the plan stops', async () => {
    const { ada } = await seedPeople();
    await setDefaultMode(ada.id, 'after_applying', 'automatic');
    await db.update(users).set({ timeZone: 'Europe/Berlin' }).where(eq(users.id, ada.id));
    const { applicationId, grace } = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30, appliedDaysAgo: 7 });

    const runs = await Promise.all([runAutomaticPlans(now), runAutomaticPlans(now)]);
    expect(runs.reduce((n, r) => n + r.written, 0)).toBeGreaterThanOrEqual(1);
    await runAutomaticPlans(now);
    const written = await db.select().from(letters).where(eq(letters.userId, ada.id));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      kind: 'follow_up',
      status: 'scheduled',
      automatic: true,
      plan: 'after_applying',
      planStep: 1,
      applicationId,
    });
    expect(instantToWallTime(written[0].scheduledFor!, 'Europe/Berlin')).toBe(`2026-05-14T0${MOVED_TO_HOUR}:00`);
    const [to] = await db.select().from(letterRecipients).where(eq(letterRecipients.letterId, written[0].id));
    expect(to).toMatchObject({ contactId: grace, dedupeKey: `plan:${applicationId}:after_applying:1:${grace}` });

    // Moving the application on cancels it; the next run writes nothing.
    await moveApplications(ada.id, [applicationId], 'interviewing');
    await runAutomaticPlans(now);
    expect((await db.select({ status: letters.status }).from(letters).where(eq(letters.userId, ada.id))).map((l) => l.status)).toEqual(['cancelled']);
  });

  it('a letter the person cancelled on Letters is not written again', async () => {
    const { ada } = await seedPeople();
    await setDefaultMode(ada.id, 'after_applying', 'automatic');
    await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30, appliedDaysAgo: 7 });
    await runAutomaticPlans(now);
    const [letter] = await db.select({ id: letters.id }).from(letters).where(eq(letters.userId, ada.id));
    expect(await cancelLetter(ada.id, letter.id)).toBe('cancelled');
    await runAutomaticPlans(now);
    expect(await db.select({ id: letters.id }).from(letters).where(eq(letters.userId, ada.id))).toHaveLength(1);
  });

  it('holds to the daily recipient cap: refused steps wait for a later run', async () => {
    const { ada } = await seedPeople();
    await setDefaultMode(ada.id, 'after_applying', 'automatic');
    await db.update(users).set({ dailyRecipientCap: 1, createdAt: daysAgo(30) }).where(eq(users.id, ada.id));
    await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30, appliedDaysAgo: 7, company: 'One' });
    await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30, appliedDaysAgo: 7, company: 'Two' });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await runAutomaticPlans(now)).toEqual({ written: 1, skipped: 0, failed: 1 });
    expect(await db.select({ id: letters.id }).from(letters).where(eq(letters.userId, ada.id))).toHaveLength(1);
  });
});
