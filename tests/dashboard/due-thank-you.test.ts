import { beforeEach, describe, expect, it } from 'vitest';
import { dismissDue } from '@/db/queries/due/dismissals';
import { rejectionThanksOwed, thankYouOwed } from '@/db/queries/due/thank-you';
import type { SessionUser } from '@/lib/auth/user';
import { setupTestDatabase } from '../support/database';
import { daysAgo, hoursAgo, seedApp, seedInterviewAt, seedLetter, seedPeople, seedPersonMet, setApp } from './due-seed';

setupTestDatabase();

let ada: SessionUser;
let mallory: SessionUser;
let now: Date;
beforeEach(async () => {
  ({ ada, mallory } = await seedPeople());
  now = new Date();
});

const owedIds = async (userId = ada.id) => (await thankYouOwed(userId, now)).rows.map((r) => r.interviewId);

/** Acme, interviewing, Grace primary and Alan also met, and an interview `hours` ago with both. */
async function interviewHoursAgo(hours: number, company = 'Acme Rockets') {
  const applicationId = await seedApp(ada.id, { company });
  const grace = await seedPersonMet(ada.id, applicationId, `Grace ${company}`, {
    primary: true,
    email: `grace@${company.length}.example`,
  });
  const alan = await seedPersonMet(ada.id, applicationId, `Alan ${company}`, { email: `alan@${company.length}.example` });
  const interviewId = await seedInterviewAt(ada.id, applicationId, hoursAgo(hours, now), { attendees: [grace, alan] });
  return { applicationId, grace, alan, interviewId };
}

describe('thank-you owed', () => {
  it('lists an interview from yesterday with its company and position', async () => {
    const { interviewId, applicationId } = await interviewHoursAgo(20);
    const owed = await thankYouOwed(ada.id, now);
    expect(owed.total).toBe(1);
    expect(owed.rows).toEqual([
      expect.objectContaining({ interviewId, applicationId, company: 'Acme Rockets', position: 'Flight Engineer' }),
    ]);
  });

  it('includes an interview exactly 3 days ago, and not one a second older or one still ahead', async () => {
    const applicationId = await seedApp(ada.id);
    const grace = await seedPersonMet(ada.id, applicationId, 'Grace Hopper', { primary: true });
    const edge = await seedInterviewAt(ada.id, applicationId, daysAgo(3, now), { attendees: [grace] });
    await seedInterviewAt(ada.id, applicationId, new Date(daysAgo(3, now).getTime() - 1000), { attendees: [grace] });
    await seedInterviewAt(ada.id, applicationId, hoursAgo(-2, now), { attendees: [grace] });
    expect(await owedIds()).toEqual([edge]);
  });

  it('is cleared by a thank-you to the primary contact, To or in CC, even while it is still queued', async () => {
    const first = await interviewHoursAgo(30, 'First');
    const second = await interviewHoursAgo(20, 'Second');
    await seedLetter(ada.id, {
      kind: 'interview_thanks',
      applicationId: first.applicationId,
      interviewId: first.interviewId,
      to: first.grace,
      status: 'queued',
    });
    await seedLetter(ada.id, {
      kind: 'interview_thanks',
      applicationId: second.applicationId,
      interviewId: second.interviewId,
      to: second.alan,
      cc: [second.grace],
    });
    expect(await owedIds()).toEqual([]);
  });

  it('stays owed after a letter only to someone who is not the primary contact', async () => {
    const { applicationId, interviewId, alan } = await interviewHoursAgo(20);
    await seedLetter(ada.id, { kind: 'interview_thanks', applicationId, interviewId, to: alan });
    expect(await owedIds()).toEqual([interviewId]);
  });

  it('stays owed after a test, a letter that failed or bounced, or another kind of letter', async () => {
    const { applicationId, interviewId, grace } = await interviewHoursAgo(20);
    await seedLetter(ada.id, { kind: 'interview_thanks', applicationId, interviewId, to: grace, isTest: true });
    await seedLetter(ada.id, { kind: 'interview_thanks', applicationId, interviewId, to: grace, status: 'failed' });
    await seedLetter(ada.id, { kind: 'interview_thanks', applicationId, interviewId, to: grace, status: 'bounced' });
    await seedLetter(ada.id, { kind: 'follow_up', applicationId, to: grace });
    expect(await owedIds()).toEqual([interviewId]);
  });

  it('stays owed when the application has no primary contact yet', async () => {
    const applicationId = await seedApp(ada.id);
    const alan = await seedPersonMet(ada.id, applicationId, 'Alan Turing');
    const interviewId = await seedInterviewAt(ada.id, applicationId, hoursAgo(5, now), { attendees: [alan] });
    await seedLetter(ada.id, { kind: 'interview_thanks', applicationId, interviewId, to: alan });
    expect(await owedIds()).toEqual([interviewId]);
  });

  it('lists the oldest first, a page at a time with the total', async () => {
    const later = await interviewHoursAgo(10, 'Later');
    const earlier = await interviewHoursAgo(50, 'Earlier');
    const middle = await interviewHoursAgo(30, 'Middle');
    expect(await owedIds()).toEqual([earlier.interviewId, middle.interviewId, later.interviewId]);
    const page = await thankYouOwed(ada.id, now, 2);
    expect(page.rows.map((r) => r.interviewId)).toEqual([earlier.interviewId, middle.interviewId]);
    expect(page.total).toBe(3);
  });

  it('leaves out archived applications and ones that ended in a rejection', async () => {
    const archived = await interviewHoursAgo(20, 'Archived');
    const rejected = await interviewHoursAgo(20, 'Rejected');
    const offer = await interviewHoursAgo(20, 'Offer');
    await setApp(archived.applicationId, { archived: true });
    await setApp(rejected.applicationId, { stage: 'rejected' });
    await setApp(offer.applicationId, { stage: 'offer' });
    expect(await owedIds()).toEqual([offer.interviewId]);
  });

  it('a dismissed row is gone, and stays gone', async () => {
    const { interviewId } = await interviewHoursAgo(20);
    const other = await interviewHoursAgo(10, 'Other');
    expect(await dismissDue(ada.id, { kind: 'interview_thanks', subjectId: interviewId })).toBe(true);
    expect(await owedIds()).toEqual([other.interviewId]);
    now = new Date(now.getTime() + 60 * 60 * 1000);
    expect(await owedIds()).toEqual([other.interviewId]);
  });

  it('never shows another person’s interviews, and refuses to dismiss them', async () => {
    const { interviewId } = await interviewHoursAgo(20);
    expect(await owedIds(mallory.id)).toEqual([]);
    expect(await dismissDue(mallory.id, { kind: 'interview_thanks', subjectId: interviewId })).toBe(false);
    expect(await owedIds()).toEqual([interviewId]);
  });
});

describe('rejection thank-you owed', () => {
  /** Acme, rejected `days` ago, with Grace met at an interview before. */
  async function rejectedDaysAgo(days: number, options: { met?: boolean; company?: string } = {}) {
    const applicationId = await seedApp(ada.id, {
      stage: 'rejected',
      stageChangedAt: daysAgo(days, now),
      company: options.company,
    });
    const grace = await seedPersonMet(ada.id, applicationId, `Grace ${options.company ?? ''}`.trim(), {
      primary: true,
      email: null,
    });
    await seedInterviewAt(ada.id, applicationId, daysAgo(days + 7, now), { attendees: options.met === false ? [] : [grace] });
    return { applicationId, grace };
  }
  const owedApps = async (userId = ada.id) => (await rejectionThanksOwed(userId, now)).rows.map((r) => r.applicationId);

  it('lists a rejection with people met and no letter since, oldest first', async () => {
    const recent = await rejectedDaysAgo(1, { company: 'Recent' });
    const older = await rejectedDaysAgo(5, { company: 'Older' });
    await rejectedDaysAgo(2, { met: false, company: 'Nobody met' });
    expect(await owedApps()).toEqual([older.applicationId, recent.applicationId]);
  });

  it('is cleared by a rejection thank-you written since, but not one written before, a test or a failure', async () => {
    const thanked = await rejectedDaysAgo(3, { company: 'Thanked' });
    const before = await rejectedDaysAgo(3, { company: 'Before' });
    await seedLetter(ada.id, {
      kind: 'rejection_thanks',
      applicationId: thanked.applicationId,
      to: thanked.grace,
      at: daysAgo(2, now),
    });
    await seedLetter(ada.id, {
      kind: 'rejection_thanks',
      applicationId: before.applicationId,
      to: before.grace,
      at: daysAgo(4, now),
    });
    await seedLetter(ada.id, {
      kind: 'rejection_thanks',
      applicationId: before.applicationId,
      to: before.grace,
      at: daysAgo(1, now),
      isTest: true,
    });
    await seedLetter(ada.id, {
      kind: 'rejection_thanks',
      applicationId: before.applicationId,
      to: before.grace,
      at: daysAgo(1, now),
      status: 'failed',
    });
    expect(await owedApps()).toEqual([before.applicationId]);
  });

  it('leaves out rejections more than 30 days old and archived applications', async () => {
    await rejectedDaysAgo(31, { company: 'Old' });
    const archived = await rejectedDaysAgo(2, { company: 'Archived' });
    await setApp(archived.applicationId, { archived: true });
    const edge = await rejectedDaysAgo(30, { company: 'Edge' });
    expect(await owedApps()).toEqual([edge.applicationId]);
  });

  it('a dismissed rejection stays gone until the application is rejected again', async () => {
    const { applicationId } = await rejectedDaysAgo(2);
    await dismissDue(ada.id, { kind: 'rejection_thanks', subjectId: applicationId });
    expect(await owedApps()).toEqual([]);
    // Back in play, then rejected again an hour later.
    now = hoursAgo(-2, now);
    await setApp(applicationId, { stageChangedAt: hoursAgo(1, now) });
    expect(await owedApps()).toEqual([applicationId]);
  });

  it('never shows another person’s rejections', async () => {
    await rejectedDaysAgo(2);
    expect(await owedApps(mallory.id)).toEqual([]);
  });
});
