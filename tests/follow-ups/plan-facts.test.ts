import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { dismissDue } from '@/db/queries/due/dismissals';
import { applicationPlanFacts, duePlanSteps } from '@/db/queries/follow-up-plan-facts';
import { applications, contacts, followUpPlans } from '@/db/schema';
import { DEFAULT_PLANS } from '@/lib/follow-ups/plans';
import { nextPlanStep } from '@/lib/follow-ups/rules';
import { setupTestDatabase } from '../support/database';
import { daysAgo, flag, seedInterviewAt, seedLetter, seedPeople, seedPlanApp, seedPlanLetter, setDefaultMode } from './support';

setupTestDatabase();

const due = (userId: string, mode: 'ask' | 'automatic' = 'ask', now = new Date()) =>
  duePlanSteps(userId, { mode, before: now, now, limit: 25, countCap: 100 });

/** What the rule says of an application's plan, from the facts the page reads. */
async function ruleSays(userId: string, applicationId: string, plan: 'after_applying' | 'after_thanks' | 'after_rejection') {
  const row = (await applicationPlanFacts(userId, applicationId)).find((r) => r.plan === plan)!;
  return nextPlanStep(plan, row.settings, row.facts);
}

describe('follow-up plan steps due, read by SQL', () => {
  it('after applying: due 7 days after the applied-on date, to the primary contact, and only the person’s own', async () => {
    const { ada, mallory } = await seedPeople();
    const { applicationId, grace } = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30, appliedDaysAgo: 8 });
    await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30, appliedDaysAgo: 5, company: 'Not yet' });
    await seedPlanApp(mallory.id, { stage: 'applied', movedDaysAgo: 30, appliedDaysAgo: 20, company: 'Mallory Co' });

    const list = await due(ada.id);
    expect(list.total).toBe(1);
    expect(list.rows).toEqual([expect.objectContaining({ applicationId, plan: 'after_applying', step: 1 })]);
    expect(list.rows[0].facts.contactId).toBe(grace);
    expect(await ruleSays(ada.id, applicationId, 'after_applying')).toEqual({ state: 'next', step: 1, dueAt: list.rows[0].dueAt });
    expect(await due(mallory.id)).toMatchObject({ total: 1 });
    expect(await applicationPlanFacts(mallory.id, applicationId)).toEqual([]);
  });

  it('after applying without an applied-on date counts from the move into applied', async () => {
    const { ada } = await seedPeople();
    const { applicationId } = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 9 });
    expect((await due(ada.id)).rows.map((r) => r.applicationId)).toEqual([applicationId]);
  });

  it('after the thank-you: due 10 days after the last thank-you that went, to its To', async () => {
    const { ada } = await seedPeople();
    const { applicationId, grace } = await seedPlanApp(ada.id, { stage: 'interviewing', movedDaysAgo: 20 });
    const interviewId = await seedInterviewAt(ada.id, applicationId, daysAgo(13), { attendees: [grace] });
    await seedLetter(ada.id, { kind: 'interview_thanks', applicationId, interviewId, to: grace, at: daysAgo(12) });
    const list = await due(ada.id);
    expect(list.rows).toEqual([expect.objectContaining({ applicationId, plan: 'after_thanks', step: 1 })]);
    expect(list.rows[0].facts.contactId).toBe(grace);
    // A later interview stops it.
    await seedInterviewAt(ada.id, applicationId, daysAgo(2));
    expect((await due(ada.id)).total).toBe(0);
    expect(await ruleSays(ada.id, applicationId, 'after_thanks')).toEqual({ state: 'stopped', reason: { why: 'interview' } });
  });

  it('after a rejection: every 90 days, at most twice', async () => {
    const { ada } = await seedPeople();
    const { applicationId, grace } = await seedPlanApp(ada.id, { stage: 'rejected', movedDaysAgo: 100 });
    expect((await due(ada.id)).rows).toEqual([expect.objectContaining({ plan: 'after_rejection', step: 1 })]);
    await seedPlanLetter(ada.id, { applicationId, to: grace, plan: 'after_rejection', step: 1, at: daysAgo(95) });
    expect((await due(ada.id)).rows).toEqual([expect.objectContaining({ plan: 'after_rejection', step: 2 })]);
    await seedPlanLetter(ada.id, { applicationId, to: grace, plan: 'after_rejection', step: 2, at: daysAgo(2) });
    expect((await due(ada.id)).total).toBe(0);
    expect(await ruleSays(ada.id, applicationId, 'after_rejection')).toMatchObject({ state: 'finished', letters: 2 });
  });

  it('lets a step go once it has been due for over 30 days, so old applications send nothing', async () => {
    const { ada } = await seedPeople();
    const old = await seedPlanApp(ada.id, { stage: 'rejected', movedDaysAgo: 130, company: 'Old' });
    const recent = await seedPlanApp(ada.id, { stage: 'rejected', movedDaysAgo: 110, company: 'Recent' });
    expect((await due(ada.id)).rows.map((r) => r.applicationId)).toEqual([recent.applicationId]);
    const row = (await applicationPlanFacts(ada.id, old.applicationId)).find((r) => r.plan === 'after_rejection')!;
    expect(nextPlanStep('after_rejection', row.settings, row.facts, new Date())).toMatchObject({ state: 'lapsed', step: 1 });
    // A longer plan of the person's own reaches further back.
    await db.insert(followUpPlans).values({ userId: ada.id, applicationId: null, plan: 'after_rejection', mode: 'ask', firstWaitDays: 120, repeatEveryDays: 90, maxLetters: 1 });
    expect((await due(ada.id)).rows.map((r) => r.applicationId)).toEqual([old.applicationId]);
  });

  it('a lost letter of a click frees its step; an automatic one stopped or lost does not', async () => {
    const { ada } = await seedPeople();
    const { applicationId, grace } = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30 });
    await seedPlanLetter(ada.id, { applicationId, to: grace, plan: 'after_applying', step: 1, at: daysAgo(20), status: 'cancelled' });
    expect((await due(ada.id)).total).toBe(1);
    await seedPlanLetter(ada.id, {
      applicationId,
      to: grace,
      plan: 'after_applying',
      step: 1,
      at: daysAgo(19),
      status: 'cancelled',
      automatic: true,
    });
    expect((await due(ada.id)).total).toBe(0);
  });

  it('keeps a week between follow-ups to the same person, from any plan or click', async () => {
    const { ada } = await seedPeople();
    const { applicationId, grace } = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30, appliedDaysAgo: 10 });
    // A follow-up to Grace about another application, 3 days ago: the plan's letter waits until 4 days from now.
    const other = await seedPlanApp(ada.id, { stage: 'rejected', movedDaysAgo: 95, company: 'Other' });
    await seedLetter(ada.id, { kind: 'follow_up', applicationId: other.applicationId, to: grace, at: daysAgo(3) });
    expect((await due(ada.id)).rows.map((r) => r.applicationId)).toEqual([other.applicationId]);
    const later = new Date(Date.now() + 5 * 86_400_000);
    const rows = (await due(ada.id, 'ask', later)).rows;
    expect(rows.find((r) => r.applicationId === applicationId)?.dueAt.getTime()).toBeCloseTo(daysAgo(3).getTime() + 7 * 86_400_000, -4);
    expect(await ruleSays(ada.id, applicationId, 'after_applying')).toMatchObject({ state: 'next', dueAt: rows.find((r) => r.applicationId === applicationId)!.dueAt });
  });

  it('stops at a reply, a bounce, a stage move, the person’s Stop, Off, archiving, or no primary contact', async () => {
    const { ada } = await seedPeople();
    const make = async (company: string) => seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30, company });
    const replied = await make('Replied');
    await db.update(contacts).set({ repliedAt: daysAgo(1) }).where(eq(contacts.id, replied.grace));
    const bounced = await make('Bounced');
    const [{ email }] = await db.select({ email: contacts.email }).from(contacts).where(eq(contacts.id, bounced.grace));
    await flag(ada.id, email!);
    const moved = await make('Moved');
    await db.update(applications).set({ stage: 'interviewing' }).where(eq(applications.id, moved.applicationId));
    const stopped = await make('Stopped');
    await db.insert(followUpPlans).values({ userId: ada.id, applicationId: stopped.applicationId, plan: 'after_applying', ...DEFAULT_PLANS.after_applying, stoppedAt: new Date() });
    const off = await make('Off');
    await db.insert(followUpPlans).values({ userId: ada.id, applicationId: off.applicationId, plan: 'after_applying', ...DEFAULT_PLANS.after_applying, mode: 'off' });
    const archived = await make('Archived');
    await db.update(applications).set({ archived: true }).where(eq(applications.id, archived.applicationId));
    const nobody = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30, company: 'Nobody', primary: false });
    const running = await make('Running');

    expect((await due(ada.id)).rows.map((r) => r.applicationId)).toEqual([running.applicationId]);
    expect(await ruleSays(ada.id, replied.applicationId, 'after_applying')).toMatchObject({ state: 'stopped', reason: { why: 'replied' } });
    expect(await ruleSays(ada.id, bounced.applicationId, 'after_applying')).toMatchObject({ state: 'stopped', reason: { why: 'bounced' } });
    expect(await ruleSays(ada.id, moved.applicationId, 'after_applying')).toMatchObject({ state: 'stopped', reason: { why: 'stage', stage: 'interviewing' } });
    expect(await ruleSays(ada.id, stopped.applicationId, 'after_applying')).toMatchObject({ state: 'stopped', reason: { why: 'stopped' } });
    expect(await ruleSays(ada.id, off.applicationId, 'after_applying')).toEqual({ state: 'off' });
    expect(await ruleSays(ada.id, archived.applicationId, 'after_applying')).toMatchObject({ state: 'stopped', reason: { why: 'archived' } });
    expect(await ruleSays(ada.id, nobody.applicationId, 'after_applying')).toEqual({ state: 'no_contact', step: 1 });
  });

  it('lists each mode apart: the defaults and an application’s own choice decide which', async () => {
    const { ada } = await seedPeople();
    const first = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30, company: 'First' });
    const second = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30, company: 'Second' });
    await setDefaultMode(ada.id, 'after_applying', 'automatic');
    await db.insert(followUpPlans).values({ userId: ada.id, applicationId: second.applicationId, plan: 'after_applying', ...DEFAULT_PLANS.after_applying, mode: 'ask' });
    expect((await due(ada.id, 'automatic')).rows.map((r) => r.applicationId)).toEqual([first.applicationId]);
    expect((await due(ada.id, 'ask')).rows.map((r) => r.applicationId)).toEqual([second.applicationId]);
  });

  it('a dismissed row stays away until its next step comes due', async () => {
    const { ada } = await seedPeople();
    const { applicationId } = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30 });
    expect(await dismissDue(ada.id, { kind: 'plan_follow_up', subjectId: applicationId })).toBe(true);
    expect((await due(ada.id)).total).toBe(0);
  });
});
