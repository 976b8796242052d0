import { describe, expect, it } from 'vitest';
import { letterOutcomes } from '@/db/queries/outcomes/letters';
import { outcomeScope } from '@/db/queries/outcomes/scope';
import type { Period } from '@/lib/dashboard/period';
import { LETTER_KINDS } from '@/lib/letters/kinds';
import { setupTestDatabase } from '../support/database';
import { daysAgo, NOW, seedLetter, seedPerson } from './outcomes-seed';

setupTestDatabase();

const INTERVIEW = 'Thank-you after an interview';
const REJECTION = 'Thank-you after a rejection';
const FOLLOW_UP = 'Follow-up check-in';

/** Ada's letters, each at the furthest status it reached; Bob's must never count. */
async function seedLetters() {
  const ada = await seedPerson('Ada');
  const bob = await seedPerson('Bob');
  const letter = (status: Parameters<typeof seedLetter>[1]['status'], days: number, extra: Partial<Parameters<typeof seedLetter>[1]> = {}) =>
    seedLetter(ada, { status, createdAt: daysAgo(days), template: INTERVIEW, ...extra });
  await letter('sent', 10);
  await letter('delivered', 10);
  await letter('opened', 20);
  await letter('clicked', 29, { template: REJECTION, kind: 'rejection_thanks' });
  await letter('bounced', 40, { template: REJECTION, kind: 'rejection_thanks' });
  await letter('complained', 50);
  await letter('failed', 5);
  await letter('queued', 1);
  await letter('suppressed', 10);
  await letter('delivered', 3, { template: FOLLOW_UP, kind: 'follow_up', deliveredLocally: true });
  await letter('delivery_delayed', 2);
  await letter('opened', 4, { isTest: true });
  await letter('delivered', 100);
  for (let i = 0; i < 3; i++) await seedLetter(bob, { status: 'clicked', createdAt: daysAgo(10), template: INTERVIEW });
  return { ada, bob };
}

const outcomes = (userId: string, period: Period) => letterOutcomes(outcomeScope(userId, period, NOW));

describe('letter outcomes', () => {
  it('counts each letter at every point its status implies, test letters left out', async () => {
    const { ada } = await seedLetters();
    const { total } = await outcomes(ada, '90');
    // written: all 11 non-test letters of the last 90 days; sent: all but failed, queued, suppressed.
    expect(total).toEqual({ written: 11, sent: 8, delivered: 5, opened: 2, clicked: 1, bounced: 1, complained: 1, local: 1, replied: 0 });
  });

  it('breaks the same figures down by template, busiest first', async () => {
    const { ada } = await seedLetters();
    const { byTemplate } = await outcomes(ada, '90');
    expect(byTemplate).toEqual([
      { template: INTERVIEW, written: 8, sent: 5, delivered: 3, opened: 1, clicked: 0, bounced: 0, complained: 1, local: 0, replied: 0 },
      { template: REJECTION, written: 2, sent: 2, delivered: 1, opened: 1, clicked: 1, bounced: 1, complained: 0, local: 0, replied: 0 },
      { template: FOLLOW_UP, written: 1, sent: 1, delivered: 1, opened: 0, clicked: 0, bounced: 0, complained: 0, local: 1, replied: 0 },
    ]);
  });

  it('covers only the chosen period', async () => {
    const { ada } = await seedLetters();
    expect((await outcomes(ada, '30')).total).toMatchObject({ written: 9, sent: 6, delivered: 4, bounced: 0, complained: 0 });
    expect((await outcomes(ada, '365')).total).toMatchObject({ written: 12, sent: 9, delivered: 6 });
    expect((await outcomes(ada, 'all')).total).toMatchObject({ written: 12, sent: 9, delivered: 6 });
  });

  it('never counts another person’s letters', async () => {
    const { ada, bob } = await seedLetters();
    // Bob's three clicked letters are his alone: Ada's figures above have one click, his have three.
    expect((await outcomes(bob, 'all')).total).toEqual({ written: 3, sent: 3, delivered: 3, opened: 3, clicked: 3, bounced: 0, complained: 0, local: 0, replied: 0 });
    expect((await outcomes(ada, 'all')).total.clicked).toBe(1);
    const carol = await seedPerson('Carol');
    const none = { written: 0, sent: 0, delivered: 0, opened: 0, clicked: 0, bounced: 0, complained: 0, local: 0, replied: 0 };
    expect(await outcomes(carol, 'all')).toEqual({ total: none, byTemplate: [], byOccasion: LETTER_KINDS.map((kind) => ({ kind, ...none })) });
  });
});
