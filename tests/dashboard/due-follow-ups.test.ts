import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { dismissDue } from '@/db/queries/due/dismissals';
import { followUpsDue, markReplied, stopFollowUps } from '@/db/queries/due/follow-ups';
import { contacts } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { setupTestDatabase } from '../support/database';
import { daysAgo, seedApp, seedInterviewAt, seedLetter, seedPeople, seedPersonMet, setApp } from './due-seed';

setupTestDatabase();

const WEEK_DAYS = 7;
let ada: SessionUser;
let mallory: SessionUser;
let now: Date;
let applicationId: string;
let grace: string;
let alan: string;

beforeEach(async () => {
  ({ ada, mallory } = await seedPeople());
  now = new Date();
  // Interviewing since long before any letter below.
  applicationId = await seedApp(ada.id, { stageChangedAt: daysAgo(200, now) });
  grace = await seedPersonMet(ada.id, applicationId, 'Grace Hopper', { primary: true });
  alan = await seedPersonMet(ada.id, applicationId, 'Alan Turing');
});

const dueNames = async (at = now, userId = ada.id) => (await followUpsDue(userId, at)).rows.map((r) => r.name);
const letterDaysAgo = (
  days: number,
  options: { to?: string; cc?: string[]; status?: 'failed' | 'needs_decision'; isTest?: boolean } = {},
) =>
  seedLetter(ada.id, {
    kind: 'interview_thanks',
    applicationId,
    to: options.to ?? grace,
    cc: options.cc,
    status: options.status,
    isTest: options.isTest,
    at: daysAgo(days, now),
  });
const setCadence = (contactId: string, weeks: number | null) =>
  db.update(contacts).set({ followUpWeeks: weeks }).where(eq(contacts.id, contactId));

describe('follow-ups due', () => {
  it('come due 6 weeks after the last letter, to the person in To and to those in CC', async () => {
    const letterAt = daysAgo(6 * WEEK_DAYS, now);
    await seedLetter(ada.id, { kind: 'interview_thanks', applicationId, to: grace, cc: [alan], at: letterAt });
    const due = await followUpsDue(ada.id, now);
    expect(due.total).toBe(2);
    expect(due.rows.map((r) => r.name).sort()).toEqual(['Alan Turing', 'Grace Hopper']);
    const alanRow = due.rows.find((r) => r.name === 'Alan Turing')!;
    expect(alanRow).toMatchObject({
      contactId: alan,
      weeks: 6,
      applicationId,
      company: 'Acme Rockets',
      position: 'Flight Engineer',
    });
    expect(alanRow.lastLetterAt.getTime()).toBe(letterAt.getTime());
    expect(alanRow.dueAt.getTime()).toBe(letterAt.getTime() + 6 * WEEK_DAYS * 86_400_000);
    expect(await dueNames(new Date(now.getTime() - 1000))).toEqual([]);
  });

  it('follow the cadence set on each contact, and none when it is off', async () => {
    await letterDaysAgo(3 * WEEK_DAYS, { to: grace });
    await letterDaysAgo(3 * WEEK_DAYS, { to: alan });
    expect(await dueNames()).toEqual([]);
    await setCadence(grace, 2);
    expect(await dueNames()).toEqual(['Grace Hopper']);
    await setCadence(grace, 0);
    await setCadence(alan, 3);
    expect(await dueNames()).toEqual(['Alan Turing']);
  });

  it('count from the last letter that went: not a later test, failure or letter waiting on a decision', async () => {
    await letterDaysAgo(10 * WEEK_DAYS);
    await letterDaysAgo(WEEK_DAYS, { isTest: true });
    await letterDaysAgo(WEEK_DAYS, { status: 'failed' });
    await letterDaysAgo(WEEK_DAYS, { status: 'needs_decision' });
    expect(await dueNames()).toEqual(['Grace Hopper']);
    await letterDaysAgo(WEEK_DAYS);
    expect(await dueNames()).toEqual([]);
  });

  it('list the most recently written to first, a page at a time with the total', async () => {
    await letterDaysAgo(9 * WEEK_DAYS, { to: alan });
    await letterDaysAgo(7 * WEEK_DAYS, { to: grace });
    const katherine = await seedPersonMet(ada.id, applicationId, 'Katherine Johnson');
    await letterDaysAgo(8 * WEEK_DAYS, { to: katherine });
    expect(await dueNames()).toEqual(['Grace Hopper', 'Katherine Johnson', 'Alan Turing']);
    const page = await followUpsDue(ada.id, now, 2);
    expect(page.rows.map((r) => r.name)).toEqual(['Grace Hopper', 'Katherine Johnson']);
    expect(page.total).toBe(3);
  });

  it('stop when the person marks a reply after the last letter, and come back after a new letter', async () => {
    await letterDaysAgo(7 * WEEK_DAYS);
    expect(await markReplied(ada.id, grace, daysAgo(6 * WEEK_DAYS, now))).toBe(true);
    expect(await dueNames()).toEqual([]);
    await letterDaysAgo(6 * WEEK_DAYS + 1);
    expect(await dueNames()).toEqual([]);
    await setCadence(grace, 1);
    await letterDaysAgo(5 * WEEK_DAYS);
    expect(await dueNames()).toEqual(['Grace Hopper']);
  });

  it('stop when the application moves on: a new stage other than rejected or ghosted, or an interview after the letter', async () => {
    await letterDaysAgo(7 * WEEK_DAYS);
    await setApp(applicationId, { stage: 'rejected', stageChangedAt: daysAgo(2, now) });
    expect(await dueNames()).toEqual(['Grace Hopper']);
    await setApp(applicationId, { stage: 'ghosted' });
    expect(await dueNames()).toEqual(['Grace Hopper']);
    await setApp(applicationId, { stage: 'offer' });
    expect(await dueNames()).toEqual([]);
    await setApp(applicationId, { stage: 'interviewing', stageChangedAt: daysAgo(8 * WEEK_DAYS, now) });
    expect(await dueNames()).toEqual(['Grace Hopper']);
    await seedInterviewAt(ada.id, applicationId, daysAgo(-3, now));
    expect(await dueNames()).toEqual([]);
  });

  it('a stopped follow-up stays stopped, with the cadence off on the contact', async () => {
    await letterDaysAgo(7 * WEEK_DAYS, { cc: [alan] });
    expect(await stopFollowUps(ada.id, grace)).toMatchObject({ id: grace, name: 'Grace Hopper' });
    expect(await dueNames()).toEqual(['Alan Turing']);
    const [row] = await db.select().from(contacts).where(eq(contacts.id, grace));
    expect(row.followUpWeeks).toBe(0);
    await letterDaysAgo(10 * WEEK_DAYS);
    expect(await dueNames()).toEqual(['Alan Turing']);
  });

  it('a snoozed follow-up comes back when the snooze ends', async () => {
    await letterDaysAgo(7 * WEEK_DAYS);
    const until = new Date(now.getTime() + 14 * 86_400_000);
    await dismissDue(ada.id, { kind: 'follow_up', subjectId: grace, until });
    expect(await dueNames()).toEqual([]);
    expect(await dueNames(new Date(until.getTime() - 1000))).toEqual([]);
    expect(await dueNames(new Date(until.getTime() + 1000))).toEqual(['Grace Hopper']);
  });

  it('a dismissed follow-up stays gone until the next letter to them comes due', async () => {
    await letterDaysAgo(7 * WEEK_DAYS);
    await dismissDue(ada.id, { kind: 'follow_up', subjectId: grace });
    expect(await dueNames()).toEqual([]);
    expect(await dueNames(new Date(now.getTime() + 30 * 86_400_000))).toEqual([]);
    await seedLetter(ada.id, { kind: 'follow_up', applicationId, to: grace, at: new Date(now.getTime() + 1000) });
    expect(await dueNames(new Date(now.getTime() + 7 * WEEK_DAYS * 86_400_000))).toEqual(['Grace Hopper']);
  });

  it('never show another person’s contacts, and refuse their reply and stop', async () => {
    await letterDaysAgo(7 * WEEK_DAYS);
    expect(await dueNames(now, mallory.id)).toEqual([]);
    expect(await markReplied(mallory.id, grace)).toBe(false);
    expect(await stopFollowUps(mallory.id, grace)).toBeNull();
    expect(await dismissDue(mallory.id, { kind: 'follow_up', subjectId: grace })).toBe(false);
    expect(await dueNames()).toEqual(['Grace Hopper']);
  });
});
