import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { applicationPlanFacts } from '@/db/queries/follow-up-plan-facts';
import { activities, followUpPlans, letterRecipients, letters } from '@/db/schema';
import { NOT_FOUND } from '@/lib/errors';
import { STOPPED_WITH_PLAN } from '@/lib/follow-ups/rules';
import { moveApplications } from '@/server/applications/move-applications';
import { markContactReplied } from '@/server/contacts/follow-up-decisions';
import { changeApplicationPlan } from '@/server/follow-ups/application-plan';
import { savePlanSettings } from '@/server/follow-ups/save-plan-defaults';
import { logInterview } from '@/server/interviews/log-interview';
import { DEFAULT_PLANS } from '@/lib/follow-ups/plans';
import { interviewInput } from '../interviews/support';
import { setupTestDatabase } from '../support/database';
import { seedPeople, seedPlanApp, seedPlanLetter, setDefaultMode } from './support';

setupTestDatabase();

const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000);

/** Ada's application waiting after applying, on Automatic, with its letter scheduled for the day after tomorrow. */
async function scheduledFollowUp() {
  const { ada, mallory } = await seedPeople();
  await setDefaultMode(ada.id, 'after_applying', 'automatic');
  const { applicationId, grace } = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 10 });
  const letterId = await seedPlanLetter(ada.id, {
    applicationId,
    to: grace,
    plan: 'after_applying',
    step: 1,
    at: inTwoDays(),
    status: 'scheduled',
    automatic: true,
  });
  return { ada, mallory, applicationId, grace, letterId };
}

async function letterState(letterId: string) {
  const [letter] = await db.select({ status: letters.status, lastError: letters.lastError }).from(letters).where(eq(letters.id, letterId));
  return letter;
}

const written = async (userId: string, applicationId: string) =>
  (await applicationPlanFacts(userId, applicationId)).find((r) => r.plan === 'after_applying')!.facts.written;

describe('a plan that stops takes its scheduled automatic letters with it', () => {
  it('a stage move cancels them in the same transaction, says so on the timeline, and gives the step back', async () => {
    const { ada, applicationId, letterId } = await scheduledFollowUp();
    expect(await written(ada.id, applicationId)).toBe(1);
    await moveApplications(ada.id, [applicationId], 'interviewing');
    expect(await letterState(letterId)).toEqual({ status: 'cancelled', lastError: STOPPED_WITH_PLAN });
    const [recipient] = await db.select({ key: letterRecipients.dedupeKey }).from(letterRecipients).where(eq(letterRecipients.letterId, letterId));
    expect(recipient.key).toBeNull();
    const cancelled = await db
      .select({ detail: activities.detail })
      .from(activities)
      .where(and(eq(activities.applicationId, applicationId), eq(activities.kind, 'letter_cancelled')));
    expect(cancelled).toEqual([{ detail: expect.objectContaining({ letterId, letterKind: 'follow_up' }) }]);
    expect(await written(ada.id, applicationId)).toBe(0);
  });

  it('logging an interview cancels them', async () => {
    const { ada, applicationId, letterId } = await scheduledFollowUp();
    await logInterview(ada.id, applicationId, interviewInput({ scheduledAt: new Date() }));
    expect((await letterState(letterId)).status).toBe('cancelled');
  });

  it('marking a reply from the contact cancels them', async () => {
    const { ada, grace, letterId } = await scheduledFollowUp();
    await markContactReplied(ada.id, grace);
    expect((await letterState(letterId)).status).toBe('cancelled');
  });

  it('Stop cancels them, and resuming lets the plan write its step again', async () => {
    const { ada, applicationId, letterId } = await scheduledFollowUp();
    expect(await changeApplicationPlan(ada.id, applicationId, 'after_applying', { stop: true })).toBe(1);
    expect((await letterState(letterId)).status).toBe('cancelled');
    const [row] = await db.select().from(followUpPlans).where(eq(followUpPlans.applicationId, applicationId));
    expect(row).toMatchObject({ mode: 'automatic', stoppedAt: expect.any(Date), firstWaitDays: 7 });
    await changeApplicationPlan(ada.id, applicationId, 'after_applying', { stop: false });
    const [facts] = (await applicationPlanFacts(ada.id, applicationId)).filter((r) => r.plan === 'after_applying');
    expect(facts.facts).toMatchObject({ stoppedAt: null, written: 0 });
  });

  it('turning the application to Ask cancels them; keeping it Automatic does not', async () => {
    const { ada, applicationId, letterId } = await scheduledFollowUp();
    expect(await changeApplicationPlan(ada.id, applicationId, 'after_applying', { mode: 'automatic' })).toBe(0);
    expect((await letterState(letterId)).status).toBe('scheduled');
    expect(await changeApplicationPlan(ada.id, applicationId, 'after_applying', { mode: 'ask' })).toBe(1);
    expect((await letterState(letterId)).status).toBe('cancelled');
  });

  it('turning the defaults to Ask in Settings cancels them too', async () => {
    const { ada, letterId } = await scheduledFollowUp();
    expect(await savePlanSettings(ada.id, { ...DEFAULT_PLANS })).toBe(1);
    expect((await letterState(letterId)).status).toBe('cancelled');
  });

  it('leaves a letter a sender has already claimed: it has left', async () => {
    const { ada, applicationId, letterId } = await scheduledFollowUp();
    await db.update(letters).set({ status: 'queued' }).where(eq(letters.id, letterId));
    await moveApplications(ada.id, [applicationId], 'interviewing');
    expect((await letterState(letterId)).status).toBe('queued');
  });

  it('another person’s application is not found, exactly like a missing one, and nothing of theirs changes', async () => {
    const { mallory, applicationId, letterId } = await scheduledFollowUp();
    for (const choice of [{ stop: true }, { mode: 'off' as const }, { mode: 'default' as const }]) {
      await expect(changeApplicationPlan(mallory.id, applicationId, 'after_applying', choice)).rejects.toThrow(NOT_FOUND.application);
      await expect(changeApplicationPlan(mallory.id, crypto.randomUUID(), 'after_applying', choice)).rejects.toThrow(NOT_FOUND.application);
    }
    expect(await db.select().from(followUpPlans).where(eq(followUpPlans.userId, mallory.id))).toEqual([]);
    expect(await db.select().from(followUpPlans).where(eq(followUpPlans.applicationId, applicationId))).toEqual([]);
    expect((await letterState(letterId)).status).toBe('scheduled');
  });

  it('going back to the defaults drops the application’s own choice, but keeps a Stop', async () => {
    const { ada, applicationId } = await scheduledFollowUp();
    await changeApplicationPlan(ada.id, applicationId, 'after_applying', { mode: 'off' });
    await changeApplicationPlan(ada.id, applicationId, 'after_applying', { mode: 'default' });
    expect(await db.select().from(followUpPlans).where(eq(followUpPlans.applicationId, applicationId))).toEqual([]);
    await changeApplicationPlan(ada.id, applicationId, 'after_applying', { stop: true });
    await changeApplicationPlan(ada.id, applicationId, 'after_applying', { mode: 'default' });
    const [row] = await db.select().from(followUpPlans).where(eq(followUpPlans.applicationId, applicationId));
    expect(row.stoppedAt).not.toBeNull();
  });
});
