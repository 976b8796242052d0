import { describe, expect, it } from 'vitest';
import { weeklyActivity } from '@/db/queries/outcomes/activity';
import { funnel, stagesNow } from '@/db/queries/outcomes/pipeline';
import { outcomeScope } from '@/db/queries/outcomes/scope';
import type { Period } from '@/lib/dashboard/period';
import { setupTestDatabase } from '../support/database';
import { daysAgo, NOW, seedApplication, seedCompany, seedInterview, seedLetter, seedPerson } from './outcomes-seed';

setupTestDatabase();

const scope = (userId: string, period: Period = '90') => outcomeScope(userId, period, NOW);
const at = (iso: string) => new Date(iso);

/**
 * Ada's applications, with the days from applying to the first interview in
 * brackets: A (10), C (3), F (10), H (5) are timed; I had its interview
 * before its applied date, so it is not. Bob gets a copy of A that must
 * never count.
 */
async function seedPipeline() {
  const ada = await seedPerson('Ada');
  const bob = await seedPerson('Bob');
  const acme = await seedCompany(ada, 'Acme');
  const app = (path: Parameters<typeof seedApplication>[1]['path'], createdAt: string, extra: { appliedOn?: string; archived?: boolean } = {}) =>
    seedApplication(ada, { companyId: acme, path, createdAt: at(createdAt), ...extra });

  const a = await app(['wishlist', 'applied', 'interviewing', 'offer', 'accepted'], '2026-01-01T09:00:00Z', { appliedOn: '2026-01-02' });
  await seedInterview(ada, a, at('2026-01-12T10:00:00Z'));
  await app(['applied', 'offer'], '2026-01-05T09:00:00Z'); // B: straight to an offer
  const c = await app(['applied', 'interviewing', 'rejected'], '2026-01-05T09:00:00Z');
  await seedInterview(ada, c, at('2026-01-08T15:00:00Z'));
  await app(['applied'], '2026-02-01T09:00:00Z'); // D
  await app(['wishlist'], '2026-02-01T09:00:00Z'); // E: never applied
  const f = await app(['applied'], '2026-01-10T09:00:00Z', { appliedOn: '2026-01-10' }); // imported: no move to Interviewing
  await seedInterview(ada, f, at('2026-01-30T10:00:00Z'));
  await seedInterview(ada, f, at('2026-01-20T10:00:00Z'));
  const h = await app(['wishlist', 'applied', 'interviewing'], '2026-02-01T09:00:00Z', { appliedOn: '2026-02-01' });
  await seedInterview(ada, h, at('2026-02-06T10:00:00Z'));
  const i = await app(['applied', 'interviewing'], '2026-02-20T09:00:00Z', { appliedOn: '2026-02-20' });
  await seedInterview(ada, i, at('2026-02-15T10:00:00Z'));
  await app(['applied'], '2026-02-01T09:00:00Z', { archived: true }); // J
  await seedApplication(ada, { companyId: acme, path: ['applied', 'offer'], createdAt: daysAgo(200) }); // G: before the period

  const globex = await seedCompany(bob, 'Globex');
  const bobs = await seedApplication(bob, { companyId: globex, path: ['wishlist', 'applied', 'interviewing', 'offer', 'accepted'], createdAt: at('2026-01-01T09:00:00Z') });
  await seedInterview(bob, bobs, at('2026-01-12T10:00:00Z'));
  return { ada, bob };
}

describe('applications by stage now', () => {
  it('counts the applications not archived, whenever they were added', async () => {
    const { ada } = await seedPipeline();
    expect(Object.fromEntries(await stagesNow(scope(ada)))).toEqual({ accepted: 1, offer: 2, rejected: 1, applied: 2, wishlist: 1, interviewing: 2 });
  });
});

describe('funnel', () => {
  it('counts every step an application reached, skipped steps and later endings included', async () => {
    const { ada } = await seedPipeline();
    const { steps } = await funnel(scope(ada));
    expect(steps).toEqual([
      { stage: 'applied', count: 8 },
      { stage: 'interviewing', count: 6 },
      { stage: 'offer', count: 2 },
      { stage: 'accepted', count: 1 },
    ]);
  });

  it('takes the median days from applying to the first interview, in SQL', async () => {
    const { ada } = await seedPipeline();
    const result = await funnel(scope(ada));
    // 3, 5, 10 and 10 days: the median of an even count is the mean of the middle two.
    expect(result).toMatchObject({ timed: 4, medianDaysToInterview: 7.5 });
  });

  it('covers applications added in the period; all time takes in the older ones', async () => {
    const { ada } = await seedPipeline();
    expect((await funnel(scope(ada, 'all'))).steps.map((s) => s.count)).toEqual([9, 7, 3, 1]);
    // Only I was added in the last 30 days.
    expect((await funnel(scope(ada, '30'))).steps.map((s) => s.count)).toEqual([1, 1, 0, 0]);
  });

  it('is empty, with no median, for someone with no applications', async () => {
    const carol = await seedPerson('Carol');
    expect(await funnel(scope(carol))).toEqual({
      steps: [
        { stage: 'applied', count: 0 },
        { stage: 'interviewing', count: 0 },
        { stage: 'offer', count: 0 },
        { stage: 'accepted', count: 0 },
      ],
      timed: 0,
      medianDaysToInterview: null,
    });
  });
});

describe('weekly activity', () => {
  it('counts applications added, interviews held and letters sent per week, Monday to Sunday in UTC', async () => {
    const ada = await seedPerson('Ada');
    const bob = await seedPerson('Bob');
    const acme = await seedCompany(ada, 'Acme');
    const added = (createdAt: string) => seedApplication(ada, { companyId: acme, path: ['applied'], createdAt: at(createdAt) });
    const app = await added('2026-03-17T08:00:00Z'); // this week (Monday 16 March)
    await added('2026-03-15T23:30:00Z'); // Sunday: the week before
    await added('2025-12-28T12:00:00Z'); // before the first of the 12 weeks
    await seedInterview(ada, app, at('2026-03-10T10:00:00Z'));
    await seedInterview(ada, app, at('2025-12-29T00:00:00Z')); // the first moment of the first week
    await seedInterview(ada, app, at('2026-03-19T10:00:00Z')); // tomorrow: not held yet
    await seedLetter(ada, { status: 'delivered', createdAt: at('2026-03-16T00:30:00Z') });
    await seedLetter(ada, { status: 'delivered', createdAt: at('2026-03-16T00:30:00Z'), isTest: true });
    await seedLetter(ada, { status: 'failed', createdAt: at('2026-03-16T00:30:00Z') });
    const globex = await seedCompany(bob, 'Globex');
    const bobs = await seedApplication(bob, { companyId: globex, path: ['applied'], createdAt: at('2026-03-17T08:00:00Z') });
    await seedInterview(bob, bobs, at('2026-03-10T10:00:00Z'));
    await seedLetter(bob, { status: 'delivered', createdAt: at('2026-03-16T00:30:00Z') });

    const weeks = await weeklyActivity(scope(ada));
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toEqual({ week: '2025-12-29', applications: 0, interviews: 1, letters: 0 });
    expect(weeks.at(-2)).toEqual({ week: '2026-03-09', applications: 1, interviews: 1, letters: 0 });
    expect(weeks.at(-1)).toEqual({ week: '2026-03-16', applications: 1, interviews: 0, letters: 1 });
    const total = (key: 'applications' | 'interviews' | 'letters') => weeks.reduce((sum, w) => sum + w[key], 0);
    expect([total('applications'), total('interviews'), total('letters')]).toEqual([2, 2, 1]);
  });
});
