import { describe, expect, it } from 'vitest';
import { letterOutcomes } from '@/db/queries/outcomes/letters';
import { thanksReplies } from '@/db/queries/outcomes/payoff';
import { outcomeScope } from '@/db/queries/outcomes/scope';
import type { Period } from '@/lib/dashboard/period';
import { setupTestDatabase } from '../support/database';
import type { LetterStatus } from '@/lib/letters/status';
import { daysAgo, hoursAfter, type LetterInput, NOW, seedLetter, seedLetterAgo, seedPerson, seedReply } from './outcomes-seed';

setupTestDatabase();

const scope = (userId: string, period: Period = '90') => outcomeScope(userId, period, NOW);
const daysAfter = (date: Date, days: number) => hoursAfter(date, days * 24);

const INTERVIEW = 'Thank-you after an interview';
const SHORT = 'Short thanks';
const REJECTION = 'Thank-you after a rejection';
const FOLLOW_UP = 'Follow-up check-in';

/**
 * Ada's letters and what came back, in the 90-day view:
 *   Thank-you after an interview: a (two replies: counts once), b (auto-reply only), c (her own mail only),
 *     d (failed: never left, so neither sent nor replied), e (cancelled) and f (test) left out altogether
 *   Short thanks, an interview thank-you too: g (a reply beside an auto-reply)
 *   Thank-you after a rejection: h (replied), i (not), both 40 days ago
 *   Follow-up check-in: j (not, 40 days ago); k (replied, 100 days ago: only in all time)
 * and a reply tied to no letter. Bob's letter has a reply of his own that must never count for Ada.
 */
async function seedRepliedLetters() {
  const ada = await seedPerson('Ada');
  const bob = await seedPerson('Bob');
  const letter = (status: LetterStatus, days: number, extra: Partial<LetterInput> = {}) => seedLetterAgo(ada, status, days, extra);
  const reply = (letterId: string | null, days: number, kind: 'reply' | 'auto_reply' | 'self' = 'reply') =>
    seedReply(ada, letterId, { receivedAt: daysAgo(days), kind });

  const a = await letter('delivered', 10);
  await reply(a, 9);
  await reply(a, 8);
  await reply(await letter('delivered', 10), 9, 'auto_reply'); // b
  await reply(await letter('opened', 20), 19, 'self'); // c
  await reply(await letter('failed', 5), 4); // d
  await reply(await letter('cancelled', 5), 4); // e
  await reply(await letter('delivered', 5, { isTest: true }), 4); // f
  const g = await letter('sent', 5, { template: SHORT });
  await reply(g, 4, 'auto_reply');
  await reply(g, 3);
  await reply(await letter('opened', 40, { template: REJECTION, kind: 'rejection_thanks' }), 39); // h
  await letter('delivered', 40, { template: REJECTION, kind: 'rejection_thanks' }); // i
  await letter('delivered', 40, { template: FOLLOW_UP, kind: 'follow_up' }); // j
  await reply(await letter('delivered', 100, { template: FOLLOW_UP, kind: 'follow_up' }), 95); // k
  await reply(null, 2);

  const bobs = await seedLetter(bob, { status: 'delivered', createdAt: daysAgo(10), template: INTERVIEW });
  await seedReply(bob, bobs, { receivedAt: daysAgo(9) });
  return { ada, bob };
}

const replies = ({ written, sent, replied }: { written: number; sent: number; replied: number }) => ({ written, sent, replied });

describe('reply rates', () => {
  it('counts the letters that went out and those a person answered, by template', async () => {
    const { ada } = await seedRepliedLetters();
    const { total, byTemplate } = await letterOutcomes(scope(ada));
    // written: a b c d g h i j; sent: the same but d; replied: a g h.
    expect(replies(total)).toEqual({ written: 8, sent: 7, replied: 3 });
    expect(byTemplate.map((t) => ({ template: t.template, ...replies(t) }))).toEqual([
      { template: INTERVIEW, written: 4, sent: 3, replied: 1 },
      { template: REJECTION, written: 2, sent: 2, replied: 1 },
      { template: FOLLOW_UP, written: 1, sent: 1, replied: 0 },
      { template: SHORT, written: 1, sent: 1, replied: 1 },
    ]);
  });

  it('breaks the same figures down by occasion, every occasion listed', async () => {
    const { ada } = await seedRepliedLetters();
    const { byOccasion } = await letterOutcomes(scope(ada));
    expect(byOccasion.map((o) => ({ kind: o.kind, ...replies(o) }))).toEqual([
      { kind: 'interview_thanks', written: 5, sent: 4, replied: 2 },
      { kind: 'rejection_thanks', written: 2, sent: 2, replied: 1 },
      { kind: 'follow_up', written: 1, sent: 1, replied: 0 },
      { kind: 'feedback_request', written: 0, sent: 0, replied: 0 },
    ]);
    // The other figures come along in each occasion’s row too: a, b and c (opened) were delivered.
    expect(byOccasion[0]).toMatchObject({ delivered: 3, opened: 1 });
  });

  it('covers letters written in the period, answered whenever', async () => {
    const { ada } = await seedRepliedLetters();
    const all = await letterOutcomes(scope(ada, 'all'));
    expect(replies(all.total)).toEqual({ written: 9, sent: 8, replied: 4 });
    expect(replies(all.byOccasion[2])).toEqual({ written: 2, sent: 2, replied: 1 });
    // a b c d g: d never left; a and g were answered.
    expect(replies((await letterOutcomes(scope(ada, '30'))).total)).toEqual({ written: 5, sent: 4, replied: 2 });
  });

  it('never counts another person’s letters or replies, and is all zeros with none', async () => {
    const { ada, bob } = await seedRepliedLetters();
    expect(replies((await letterOutcomes(scope(bob))).total)).toEqual({ written: 1, sent: 1, replied: 1 });
    expect((await letterOutcomes(scope(ada))).total.replied).toBe(3);
    const carol = await letterOutcomes(scope(await seedPerson('Carol')));
    expect(replies(carol.total)).toEqual({ written: 0, sent: 0, replied: 0 });
    expect(carol.byOccasion.map((o) => o.sent + o.replied)).toEqual([0, 0, 0, 0]);
  });
});

describe('thank-yous answered within 7 days', () => {
  /**
   * Ada's interview thank-yous, each 30 days old unless said, in the 90-day view:
   *   hits:   p (6 days), q (exactly 7 days), r (no sent_at: dated when written), s (scheduled: 6 days from
   *           leaving, 9 from being written), t (two replies: counts once)
   *   misses: u (8 days), v (an auto-reply at once, the person's own reply after 10 days), w (her own mail)
   *   left out: x (bounced), y (test), z (cancelled), a rejection thank-you, one written 10 days ago (its
   *           window may still be open) and one 120 days ago (before the period; a hit)
   */
  async function seedThanks() {
    const ada = await seedPerson('Ada');
    const bob = await seedPerson('Bob');
    const written = daysAgo(30);
    const thanks = (extra: Partial<LetterInput> = {}) =>
      seedLetter(ada, { status: 'delivered', createdAt: written, sentAt: written, ...extra });
    const reply = (letterId: string, at: Date, kind: 'reply' | 'auto_reply' | 'self' = 'reply') => seedReply(ada, letterId, { receivedAt: at, kind });

    await reply(await thanks(), daysAfter(written, 6)); // p
    await reply(await thanks(), daysAfter(written, 7)); // q
    await reply(await thanks({ sentAt: null }), daysAfter(written, 2)); // r
    const leftLater = daysAfter(written, 3);
    await reply(await thanks({ sentAt: leftLater }), daysAfter(leftLater, 6)); // s
    const t = await thanks();
    await reply(t, daysAfter(written, 1));
    await reply(t, daysAfter(written, 2));
    await reply(await thanks(), daysAfter(written, 8)); // u
    const v = await thanks();
    await reply(v, hoursAfter(written, 1), 'auto_reply');
    await reply(v, daysAfter(written, 10));
    await reply(await thanks(), daysAfter(written, 1), 'self'); // w
    await reply(await thanks({ status: 'bounced' }), daysAfter(written, 1)); // x
    await reply(await thanks({ isTest: true }), daysAfter(written, 1)); // y
    await reply(await thanks({ status: 'cancelled' }), daysAfter(written, 1)); // z
    await reply(await thanks({ kind: 'rejection_thanks', template: 'Thank-you after a rejection' }), daysAfter(written, 1));
    await reply(await thanks({ createdAt: daysAgo(10), sentAt: daysAgo(10) }), daysAgo(9));
    await reply(await thanks({ createdAt: daysAgo(20), sentAt: daysAgo(10) }), daysAgo(9));
    await reply(await thanks({ createdAt: daysAgo(120), sentAt: daysAgo(120) }), daysAgo(119));

    const bobs = await seedLetter(bob, { status: 'delivered', createdAt: written, sentAt: written });
    await seedReply(bob, bobs, { receivedAt: daysAfter(written, 1) });
    return { ada, bob };
  }

  it('counts thank-yous that reached someone, and those a person answered within 7 days of them leaving', async () => {
    const { ada } = await seedThanks();
    expect(await thanksReplies(scope(ada))).toEqual({ total: 8, hits: 5 });
  });

  it('covers thank-yous written in the period, old enough for their week to be over', async () => {
    const { ada } = await seedThanks();
    expect(await thanksReplies(scope(ada, 'all'))).toEqual({ total: 9, hits: 6 });
    // From 30 days ago, inclusive: the same eight.
    expect(await thanksReplies(scope(ada, '30'))).toEqual({ total: 8, hits: 5 });
    // Twenty days on, the two that left 10 days ago have had their week, and their replies count.
    expect(await thanksReplies(outcomeScope(ada, '90', daysAgo(-20)))).toEqual({ total: 10, hits: 7 });
  });

  it('never counts another person’s letters or replies', async () => {
    const { bob } = await seedThanks();
    expect(await thanksReplies(scope(bob))).toEqual({ total: 1, hits: 1 });
    expect(await thanksReplies(scope(await seedPerson('Carol')))).toEqual({ total: 0, hits: 0 });
  });
});
