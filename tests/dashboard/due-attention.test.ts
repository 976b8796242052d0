import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { dismissDue } from '@/db/queries/due/dismissals';
import { lettersNeedingAttention, quietApplications } from '@/db/queries/due/attention';
import type { SessionUser } from '@/lib/auth/user';
import { DUE_COUNT_CAP, DUE_LIMIT } from '@/lib/dashboard/due-rules';
import { setupTestDatabase } from '../support/database';
import { daysAgo, seedApp, seedInterviewAt, seedLetter, seedPeople, seedPersonMet, setApp } from './due-seed';

setupTestDatabase();

let ada: SessionUser;
let mallory: SessionUser;
let now: Date;
beforeEach(async () => {
  ({ ada, mallory } = await seedPeople());
  now = new Date();
});

describe('letters needing attention', () => {
  let applicationId: string;
  let grace: string;
  let alan: string;
  beforeEach(async () => {
    applicationId = await seedApp(ada.id, { stage: 'rejected' });
    grace = await seedPersonMet(ada.id, applicationId, 'Grace Hopper', { primary: true });
    alan = await seedPersonMet(ada.id, applicationId, 'Alan Turing');
  });
  const rejectionLetter = (
    to: string,
    days: number,
    status?: 'bounced' | 'failed' | 'complained' | 'suppressed' | 'needs_decision' | 'delivered',
    isTest = false,
  ) => seedLetter(ada.id, { kind: 'rejection_thanks', applicationId, to, status, isTest, at: daysAgo(days, now) });
  const listed = async (userId = ada.id) => (await lettersNeedingAttention(userId, now)).rows.map((r) => r.letterId);

  it('lists letters that bounced, failed, were marked as spam, suppressed or wait on a decision, newest first', async () => {
    const bounced = await rejectionLetter(grace, 5, 'bounced');
    const failed = await rejectionLetter(alan, 4, 'failed');
    const complained = await seedLetter(ada.id, {
      kind: 'follow_up',
      applicationId,
      to: grace,
      status: 'complained',
      at: daysAgo(3, now),
    });
    const suppressed = await seedLetter(ada.id, {
      kind: 'follow_up',
      applicationId,
      to: alan,
      status: 'suppressed',
      at: daysAgo(2, now),
    });
    const waiting = await seedLetter(ada.id, {
      kind: 'interview_thanks',
      applicationId,
      to: grace,
      status: 'needs_decision',
      at: daysAgo(1, now),
    });
    await rejectionLetter(grace, 1, 'bounced', true);
    const result = await lettersNeedingAttention(ada.id, now, 10);
    expect(result.rows.map((r) => r.letterId)).toEqual([waiting, suppressed, complained, failed, bounced]);
    expect(result.total).toBe(5);
    expect(result.rows.at(-1)).toMatchObject({
      status: 'bounced',
      kind: 'rejection_thanks',
      contactId: grace,
      company: 'Acme Rockets',
    });
  });

  it('drops a letter once a later one for the same occasion to the same person is on its way', async () => {
    const bounced = await rejectionLetter(grace, 5, 'bounced');
    await rejectionLetter(alan, 2, 'delivered');
    expect(await listed()).toEqual([bounced]);
    await rejectionLetter(grace, 3, 'failed');
    expect(await listed()).toHaveLength(2);
    await rejectionLetter(grace, 1, 'delivered');
    expect(await listed()).toEqual([]);
  });

  it('a dismissed letter is gone, and stays gone', async () => {
    const bounced = await rejectionLetter(grace, 5, 'bounced');
    const failed = await rejectionLetter(alan, 4, 'failed');
    await dismissDue(ada.id, { kind: 'letter', subjectId: bounced });
    expect(await listed()).toEqual([failed]);
    now = new Date(now.getTime() + 90 * 86_400_000);
    expect(await listed()).toEqual([failed]);
  });

  it('never lists another person’s letters', async () => {
    await rejectionLetter(grace, 5, 'bounced');
    expect(await listed(mallory.id)).toEqual([]);
  });
});

describe('quiet applications', () => {
  const listed = async (userId = ada.id) => (await quietApplications(userId, now)).rows.map((r) => r.company);

  it('lists applications in play with no activity for 3 weeks, quietest first', async () => {
    await seedApp(ada.id, { company: 'Applied', stage: 'applied', lastActivityAt: daysAgo(22, now) });
    await seedApp(ada.id, { company: 'Offer', stage: 'offer', lastActivityAt: daysAgo(40, now) });
    await seedApp(ada.id, {
      company: 'Interviewing',
      stage: 'interviewing',
      lastActivityAt: daysAgo(21, new Date(now.getTime() - 1000)),
    });
    await seedApp(ada.id, { company: 'Just under', stage: 'applied', lastActivityAt: daysAgo(20, now) });
    await seedApp(ada.id, { company: 'Wishlist', stage: 'wishlist', lastActivityAt: daysAgo(60, now) });
    await seedApp(ada.id, { company: 'Rejected', stage: 'rejected', lastActivityAt: daysAgo(60, now) });
    await seedApp(ada.id, { company: 'Archived', stage: 'applied', lastActivityAt: daysAgo(60, now), archived: true });
    const result = await quietApplications(ada.id, now);
    expect(result.rows.map((r) => r.company)).toEqual(['Offer', 'Applied', 'Interviewing']);
    expect(result.rows[0]).toMatchObject({ stage: 'offer', position: 'Flight Engineer' });
    expect(result.total).toBe(3);
  });

  it('leaves out one with an interview in the last 3 weeks or ahead', async () => {
    const upcoming = await seedApp(ada.id, { company: 'Upcoming', lastActivityAt: daysAgo(30, now) });
    await seedInterviewAt(ada.id, upcoming, daysAgo(-2, now));
    const recent = await seedApp(ada.id, { company: 'Recent', lastActivityAt: daysAgo(30, now) });
    await seedInterviewAt(ada.id, recent, daysAgo(10, now));
    const old = await seedApp(ada.id, { company: 'Old', lastActivityAt: daysAgo(30, now) });
    await seedInterviewAt(ada.id, old, daysAgo(25, now));
    expect(await listed()).toEqual(['Old']);
  });

  it('a dismissed one stays gone until there is new activity and 3 quiet weeks again', async () => {
    const id = await seedApp(ada.id, { company: 'Quiet', stage: 'applied', lastActivityAt: daysAgo(30, now) });
    await dismissDue(ada.id, { kind: 'quiet_application', subjectId: id });
    expect(await listed()).toEqual([]);
    now = new Date(now.getTime() + 60 * 86_400_000);
    expect(await listed()).toEqual([]);
    await setApp(id, { lastActivityAt: daysAgo(25, now) });
    expect(await listed()).toEqual(['Quiet']);
  });

  it('counts a long list only up to its cap, reading no further', async () => {
    const first = await seedApp(ada.id, { company: 'Many', stage: 'applied', lastActivityAt: daysAgo(90, now) });
    await db.execute(sql`
      insert into applications (user_id, company_id, position, stage, last_activity_at)
      select user_id, company_id, 'Role ' || g, 'applied', ${daysAgo(30, now).toISOString()}::timestamptz - g * interval '1 minute'
      from applications, generate_series(1, ${DUE_COUNT_CAP + 20}) g where id = ${first}`);
    const result = await quietApplications(ada.id, now);
    expect(result.rows).toHaveLength(DUE_LIMIT);
    expect(result.rows[0].applicationId).toBe(first);
    expect(result.total).toBe(DUE_COUNT_CAP);
  });

  it('never lists another person’s applications', async () => {
    await seedApp(ada.id, { stage: 'applied', lastActivityAt: daysAgo(30, now) });
    expect(await listed(mallory.id)).toEqual([]);
  });
});
