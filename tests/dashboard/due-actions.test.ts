import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { followUpsDue } from '@/db/queries/due/follow-ups';
import { quietApplications } from '@/db/queries/due/attention';
import { thankYouOwed } from '@/db/queries/due/thank-you';
import { applications, contacts, dashboardDismissals } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { signInAs } from '../contacts/support/session';
import { setupTestDatabase } from '../support/database';
import { daysAgo, form, seedApp, seedLetter, seedPeople, seedPersonMet } from './due-seed';

vi.mock('@/lib/auth/user', () => import('../contacts/support/session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { dueRowAction } = await import('@/app/(app)/dashboard/actions');

setupTestDatabase();

let ada: SessionUser;
let mallory: SessionUser;
let applicationId: string;
let grace: string;
beforeEach(async () => {
  ({ ada, mallory } = await seedPeople());
  applicationId = await seedApp(ada.id, { stage: 'applied', stageChangedAt: daysAgo(100), lastActivityAt: daysAgo(60) });
  grace = await seedPersonMet(ada.id, applicationId, 'Grace Hopper', { primary: true });
  await seedLetter(ada.id, { kind: 'interview_thanks', applicationId, to: grace, at: daysAgo(50) });
  signInAs(ada);
});

/** Presses one button under a row: its value names what to do and to which row (`snooze:<contact>`, `dismiss:<kind>:<subject>`). */
const act = (row: string) => dueRowAction({ ok: false }, form({ row }));
const graceRow = async () => (await db.select().from(contacts).where(eq(contacts.id, grace)))[0];
const dueNames = async () => (await followUpsDue(ada.id, new Date())).rows.map((r) => r.name);

describe('the row actions of "What is due"', () => {
  it('dismiss a row for good, and refuse someone else’s or a malformed one', async () => {
    expect(await act(`dismiss:quiet_application:${applicationId}`)).toMatchObject({ ok: true });
    expect((await quietApplications(ada.id, new Date())).rows).toEqual([]);

    signInAs(mallory);
    expect(await act(`dismiss:follow_up:${grace}`)).toMatchObject({
      ok: false,
      message: expect.stringContaining('could not be found'),
    });
    expect(await act(`dismiss:everything:${grace}`)).toMatchObject({
      ok: false,
      fieldErrors: { kind: expect.any(Array) },
    });
    expect(await db.select().from(dashboardDismissals).where(eq(dashboardDismissals.userId, mallory.id))).toEqual([]);
  });

  it('snooze a follow-up for two weeks', async () => {
    expect(await dueNames()).toEqual(['Grace Hopper']);
    const before = Date.now();
    expect(await act(`snooze:${grace}`)).toMatchObject({ ok: true, message: 'Snoozed for 2 weeks.' });
    const [snooze] = await db.select().from(dashboardDismissals).where(eq(dashboardDismissals.subjectId, grace));
    expect(snooze.kind).toBe('follow_up');
    expect(snooze.until!.getTime() - before).toBeGreaterThanOrEqual(14 * 86_400_000);
    expect(snooze.until!.getTime() - before).toBeLessThan(14 * 86_400_000 + 60_000);
    expect(await dueNames()).toEqual([]);
  });

  it('stop follow-ups with a contact, and mark that they replied', async () => {
    expect(await act(`stop:${grace}`)).toMatchObject({
      ok: true,
      message: expect.stringContaining('Grace Hopper'),
    });
    expect((await graceRow()).followUpWeeks).toBe(0);
    await db.update(contacts).set({ followUpWeeks: null }).where(eq(contacts.id, grace));
    expect(await act(`replied:${grace}`)).toMatchObject({ ok: true });
    expect((await graceRow()).repliedAt).toBeInstanceOf(Date);
    expect(await dueNames()).toEqual([]);
  });

  it('refuse to stop or mark another person’s contact', async () => {
    signInAs(mallory);
    for (const intent of ['stop', 'replied', 'snooze']) {
      expect(await act(`${intent}:${grace}`)).toMatchObject({
        ok: false,
        message: expect.stringContaining('could not be found'),
      });
    }
    expect(await graceRow()).toMatchObject({ followUpWeeks: null, repliedAt: null });
  });

  it('refuse a button it does not know, or a row without its subject', async () => {
    for (const row of [`everything:${grace}`, 'snooze', 'snooze:', 'ghosted:not-an-id', `dismiss:${grace}`]) {
      expect(await act(row)).toMatchObject({ ok: false, fieldErrors: expect.any(Object) });
    }
    expect(await dueRowAction({ ok: false }, form({ intent: 'snooze', contactId: grace }))).toMatchObject({ ok: false });
    expect(await db.select().from(dashboardDismissals)).toEqual([]);
    expect((await graceRow()).followUpWeeks).toBeNull();
  });

  it('mark a quiet application as ghosted with the board’s own stage move', async () => {
    expect(await act(`ghosted:${applicationId}`)).toMatchObject({
      ok: true,
      message: 'Moved to Ghosted.',
    });
    const [row] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.id, applicationId)));
    expect(row.stage).toBe('ghosted');
    expect((await quietApplications(ada.id, new Date())).rows).toEqual([]);
    // A ghosted application is still worth a check-in.
    expect(await dueNames()).toEqual(['Grace Hopper']);
    expect((await thankYouOwed(ada.id, new Date())).rows).toEqual([]);
  });
});
