import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { planDefaults } from '@/db/queries/follow-up-plans';
import { followUpPlans } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { DEFAULT_PLANS } from '@/lib/follow-ups/plans';
import { form } from '../interviews/support';
import { setupTestDatabase } from '../support/database';
import { seedPeople, seedPlanApp } from './support';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({ getUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { savePlanSettingsAction } = await import('@/app/(app)/settings/follow-up-plans-actions');
const { applicationPlanAction } = await import('@/app/(app)/applications/[id]/plan-actions');

setupTestDatabase();

let ada: SessionUser;
beforeEach(async () => {
  ({ ada } = await seedPeople());
  session.user = ada;
});

const settingsForm = (over: Record<string, string> = {}) => ({
  'after_applying.mode': 'automatic',
  'after_applying.firstWaitDays': '5',
  'after_applying.repeatEveryDays': '7',
  'after_applying.maxLetters': '1',
  'after_thanks.mode': 'ask',
  'after_thanks.firstWaitDays': '10',
  'after_thanks.repeatEveryDays': '10',
  'after_thanks.maxLetters': '1',
  'after_rejection.mode': 'off',
  'after_rejection.firstWaitDays': '60',
  'after_rejection.repeatEveryDays': '90',
  'after_rejection.maxLetters': '3',
  ...over,
});

describe('Settings → Follow-up plans', () => {
  it('starts from the built-in plans, on Ask, and saves the person’s own', async () => {
    expect(await planDefaults(ada.id)).toEqual(DEFAULT_PLANS);
    expect(Object.values(DEFAULT_PLANS).every((p) => p.mode === 'ask')).toBe(true);
    expect(await savePlanSettingsAction({ ok: false }, form(settingsForm()))).toMatchObject({ ok: true, message: 'Follow-up plans saved.' });
    expect(await planDefaults(ada.id)).toEqual({
      after_applying: { mode: 'automatic', firstWaitDays: 5, repeatEveryDays: 7, maxLetters: 1 },
      after_thanks: { mode: 'ask', firstWaitDays: 10, repeatEveryDays: 10, maxLetters: 1 },
      after_rejection: { mode: 'off', firstWaitDays: 60, repeatEveryDays: 90, maxLetters: 3 },
    });
    // Saving again updates the same rows.
    await savePlanSettingsAction({ ok: false }, form(settingsForm({ 'after_applying.firstWaitDays': '6' })));
    expect((await planDefaults(ada.id)).after_applying.firstWaitDays).toBe(6);
    expect(await db.select().from(followUpPlans)).toHaveLength(3);
  });

  it('shows each bad value beside its field, keeps what was typed, and saves nothing', async () => {
    const result = await savePlanSettingsAction(
      { ok: false },
      form(settingsForm({ 'after_applying.firstWaitDays': '0', 'after_thanks.maxLetters': '2.5', 'after_rejection.mode': 'always', 'after_rejection.repeatEveryDays': 'soon' })),
    );
    expect(result.ok).toBe(false);
    expect(result.fieldErrors).toEqual({
      'after_applying.firstWaitDays': ['The wait is at least 1.'],
      'after_thanks.maxLetters': ['Enter the number of letters as a whole number.'],
      'after_rejection.mode': ['Choose Ask, Automatic or Off.'],
      'after_rejection.repeatEveryDays': ['Enter the time between letters as a number.'],
    });
    expect(result.values).toMatchObject({ 'after_thanks.maxLetters': '2.5', 'after_rejection.repeatEveryDays': 'soon' });
    expect(await db.select().from(followUpPlans)).toEqual([]);
  });
});

describe('an application’s plan', () => {
  it('chooses a mode, stops and resumes, saying so', async () => {
    const { applicationId } = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 2 });
    const act = (fields: Record<string, string>) => applicationPlanAction({ ok: false }, form({ applicationId, plan: 'after_applying', ...fields }));
    expect(await act({ intent: 'mode', mode: 'automatic' })).toMatchObject({ ok: true, message: 'Follow-up after applying: Automatic for this application.' });
    expect(await act({ intent: 'stop' })).toMatchObject({ ok: true, message: 'Follow-up after applying stopped for this application.' });
    const [row] = await db.select().from(followUpPlans).where(eq(followUpPlans.applicationId, applicationId));
    expect(row).toMatchObject({ mode: 'automatic', stoppedAt: expect.any(Date) });
    expect(await act({ intent: 'resume' })).toMatchObject({ ok: true, message: 'Follow-up after applying resumed.' });
    expect(await act({ intent: 'mode', mode: 'default' })).toMatchObject({ ok: true, message: 'Follow-up after applying follows your settings again.' });
    expect(await db.select().from(followUpPlans)).toEqual([]);
  });

  it('refuses a plan or mode it does not know, without a 500', async () => {
    const { applicationId } = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 2 });
    expect(await applicationPlanAction({ ok: false }, form({ applicationId, plan: 'after_lunch', intent: 'stop' }))).toMatchObject({ ok: false });
    expect(await applicationPlanAction({ ok: false }, form({ applicationId, plan: 'after_applying', intent: 'mode', mode: 'sometimes' }))).toMatchObject({
      ok: false,
      fieldErrors: { mode: ['Choose Ask, Automatic, Off or your defaults.'] },
    });
    expect(await applicationPlanAction({ ok: false }, form({ applicationId: 'nope', plan: 'after_applying', intent: 'stop' }))).toMatchObject({ ok: false });
    expect(await db.select().from(followUpPlans)).toEqual([]);
  });
});
