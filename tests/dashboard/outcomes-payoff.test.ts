import { describe, expect, it } from 'vitest';
import { interviewPayoff, rejectionPayoff } from '@/db/queries/outcomes/payoff';
import { outcomeScope } from '@/db/queries/outcomes/scope';
import type { Period } from '@/lib/dashboard/period';
import type { LetterKind } from '@/lib/letters/kinds';
import type { LetterStatus } from '@/lib/letters/status';
import { setupTestDatabase } from '../support/database';
import {
  daysAgo,
  hoursAfter,
  NOW,
  seedApplication,
  seedCompany,
  seedInterview,
  seedLetter,
  seedPerson,
  seedStageChange,
} from './outcomes-seed';

setupTestDatabase();

const scope = (userId: string, period: Period = '90') => outcomeScope(userId, period, NOW);

/**
 * One person's interviews, each marked with its group and outcome in the
 * 90-day view:
 *   thanked:   a (hit: b came later), b (hit: an offer came later), g (miss)
 *   unthanked: c (letter after 30 hours), d (test letter), e (bounced letter; hit: f came later),
 *              f, m (a follow-up is not a thank-you; hit: accepted later), n (the offer came before it),
 *              q (its letter was written before it)
 *   left out:  h (10 days ago: too recent), k (120 days ago: before the period; thanked, hit)
 */
async function seedInterviews(userId: string) {
  const company = await seedCompany(userId, 'Acme');
  const app = (days: number, path: Parameters<typeof seedApplication>[1]['path'] = ['applied', 'interviewing']) =>
    seedApplication(userId, { companyId: company, path, createdAt: daysAgo(days) });
  const interview = (applicationId: string, days: number) => seedInterview(userId, applicationId, daysAgo(days));
  const letter = (interviewId: string, at: Date, status: LetterStatus = 'delivered', extra: { kind?: LetterKind; isTest?: boolean } = {}) =>
    seedLetter(userId, { status, createdAt: at, interviewId, ...extra });

  const p1 = await app(80);
  const a = await interview(p1, 60);
  await letter(a, hoursAfter(daysAgo(60), 2));
  const b = await interview(p1, 40);
  await letter(b, hoursAfter(daysAgo(40), 23), 'sent');
  await seedStageChange(userId, p1, 'offer', daysAgo(35));

  const p2 = await app(80);
  const c = await interview(p2, 50);
  await letter(c, hoursAfter(daysAgo(50), 30));

  const p3 = await app(80);
  const d = await interview(p3, 50);
  await letter(d, hoursAfter(daysAgo(50), 1), 'delivered', { isTest: true });
  await seedStageChange(userId, p3, 'rejected', daysAgo(45));

  const p4 = await app(80);
  const e = await interview(p4, 50);
  await letter(e, hoursAfter(daysAgo(50), 1), 'bounced');
  await interview(p4, 20); // f

  const p5 = await app(80);
  const g = await interview(p5, 45);
  await letter(g, hoursAfter(daysAgo(45), 3), 'clicked');

  const p6 = await app(80);
  const h = await interview(p6, 10);
  await letter(h, hoursAfter(daysAgo(10), 1));
  await seedStageChange(userId, p6, 'offer', daysAgo(5));

  const p7 = await app(130);
  const k = await interview(p7, 120);
  await letter(k, hoursAfter(daysAgo(120), 1));
  await seedStageChange(userId, p7, 'offer', daysAgo(100));

  const p8 = await app(80);
  const m = await interview(p8, 30);
  await letter(m, hoursAfter(daysAgo(30), 1), 'delivered', { kind: 'follow_up' });
  await seedStageChange(userId, p8, 'accepted', daysAgo(20));

  const p9 = await app(70, ['applied', 'offer']);
  await interview(p9, 60); // n

  const p10 = await app(80);
  const q = await interview(p10, 55);
  await letter(q, hoursAfter(daysAgo(55), -2));
}

/**
 * Rejected applications, with another application at the same company
 * where there is one, in the 90-day view:
 *   thanked:   X (hit: interviewed at X again after the letter), Y (miss: that interview came before)
 *   unthanked: Z (hit), V (test letter; only its own application interviewed again), T (failed letter),
 *              S (its letter was written before the rejection; hit)
 *   left out:  W (rejected 5 days ago), U (rejected 200 days ago; thanked, hit)
 */
async function seedRejections(userId: string) {
  const rejected = async (
    name: string,
    days: number,
    letter?: { status: LetterStatus; isTest?: boolean; daysAfter?: number },
    interviewElsewhereDaysAgo?: number,
  ) => {
    const company = await seedCompany(userId, name);
    // Added a day before the rejection, which is then `days` ago.
    const applicationId = await seedApplication(userId, { companyId: company, path: ['applied', 'rejected'], createdAt: daysAgo(days + 1) });
    if (letter) {
      const { daysAfter = 1, ...rest } = letter;
      await seedLetter(userId, { ...rest, kind: 'rejection_thanks', template: 'Thank-you after a rejection', applicationId, createdAt: daysAgo(days - daysAfter) });
    }
    if (interviewElsewhereDaysAgo !== undefined) {
      const other = await seedApplication(userId, { companyId: company, path: ['applied', 'interviewing'], createdAt: daysAgo(days + 30) });
      await seedInterview(userId, other, daysAgo(interviewElsewhereDaysAgo));
    }
    return applicationId;
  };
  await rejected('X', 61, { status: 'delivered' }, 30);
  await rejected('Y', 61, { status: 'opened' }, 70);
  await rejected('Z', 61, undefined, 20);
  const v = await rejected('V', 61, { status: 'delivered', isTest: true });
  await seedInterview(userId, v, daysAgo(30));
  await rejected('T', 61, { status: 'failed' });
  await rejected('S', 61, { status: 'delivered', daysAfter: -2 }, 30);
  await rejected('W', 5, { status: 'delivered' }, 1);
  await rejected('U', 200, { status: 'delivered' }, 150);
}

describe('do interview thank-yous pay off?', () => {
  it('splits interviews old enough to have an outcome by a thank-you within 24 hours, and counts those that led on', async () => {
    const ada = await seedPerson('Ada');
    await seedInterviews(ada);
    expect(await interviewPayoff(scope(ada))).toEqual({ thanked: { total: 3, hits: 2 }, unthanked: { total: 7, hits: 2 } });
  });

  it('covers interviews held in the period', async () => {
    const ada = await seedPerson('Ada');
    await seedInterviews(ada);
    expect((await interviewPayoff(scope(ada, 'all'))).thanked).toEqual({ total: 4, hits: 3 });
    // From 30 days ago (inclusive) to 14 days ago: m, a hit, and f, a miss.
    expect(await interviewPayoff(scope(ada, '30'))).toEqual({ thanked: { total: 0, hits: 0 }, unthanked: { total: 2, hits: 1 } });
  });

  it('never counts another person’s interviews or letters', async () => {
    const ada = await seedPerson('Ada');
    const bob = await seedPerson('Bob');
    await seedInterviews(ada);
    await seedInterviews(bob);
    expect(await interviewPayoff(scope(ada))).toEqual({ thanked: { total: 3, hits: 2 }, unthanked: { total: 7, hits: 2 } });
    expect(await interviewPayoff(scope(await seedPerson('Carol')))).toEqual({ thanked: { total: 0, hits: 0 }, unthanked: { total: 0, hits: 0 } });
  });
});

describe('do rejection thank-yous pay off?', () => {
  it('counts rejections answered with a thank-you that led to a later interview at the same company', async () => {
    const ada = await seedPerson('Ada');
    await seedRejections(ada);
    expect(await rejectionPayoff(scope(ada))).toEqual({ thanked: { total: 2, hits: 1 }, unthanked: { total: 4, hits: 2 } });
    expect((await rejectionPayoff(scope(ada, 'all'))).thanked).toEqual({ total: 3, hits: 2 });
  });

  it('never counts another person’s rejections, letters or interviews', async () => {
    const ada = await seedPerson('Ada');
    const bob = await seedPerson('Bob');
    await seedRejections(ada);
    await seedRejections(bob);
    expect(await rejectionPayoff(scope(ada))).toEqual({ thanked: { total: 2, hits: 1 }, unthanked: { total: 4, hits: 2 } });
  });
});
