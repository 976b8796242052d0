import { describe, expect, it } from 'vitest';
import { DEFAULT_PLANS, type PlanSettings } from '@/lib/follow-ups/plans';
import { nextPlanStep, type PlanFacts, planRunsAt } from '@/lib/follow-ups/rules';

const day = (n: number) => new Date(Date.UTC(2026, 4, 1) + n * 86_400_000);

const facts = (over: Partial<PlanFacts> = {}): PlanFacts => ({
  stage: 'applied',
  archived: false,
  startedAt: day(0),
  stoppedAt: null,
  contactId: 'c1',
  repliedAt: null,
  laterInterview: false,
  flagged: false,
  written: 0,
  lastLetterAt: null,
  lastFollowUpAt: null,
  ...over,
});

const ask = DEFAULT_PLANS.after_applying;

describe('nextPlanStep: when each step is due', () => {
  it('after applying: one letter, 7 days after applying', () => {
    expect(nextPlanStep('after_applying', ask, facts())).toEqual({ state: 'next', step: 1, dueAt: day(7) });
  });

  it('counts the first wait from the plan’s start, and each later one from the letter before', () => {
    const settings: PlanSettings = { mode: 'ask', firstWaitDays: 90, repeatEveryDays: 90, maxLetters: 2 };
    const rejected = facts({ stage: 'rejected' });
    expect(nextPlanStep('after_rejection', settings, rejected)).toEqual({ state: 'next', step: 1, dueAt: day(90) });
    // The first letter went late, on day 100: the second is 90 days after it, not on day 180.
    const one = facts({ stage: 'rejected', written: 1, lastLetterAt: day(100), lastFollowUpAt: day(100) });
    expect(nextPlanStep('after_rejection', settings, one)).toEqual({ state: 'next', step: 2, dueAt: day(190) });
  });

  it('is finished after its last letter, and says when that went', () => {
    const settings: PlanSettings = { mode: 'ask', firstWaitDays: 90, repeatEveryDays: 90, maxLetters: 2 };
    const two = facts({ stage: 'rejected', written: 2, lastLetterAt: day(180) });
    expect(nextPlanStep('after_rejection', settings, two)).toEqual({ state: 'finished', letters: 2, lastAt: day(180) });
    expect(nextPlanStep('after_applying', ask, facts({ written: 1, lastLetterAt: day(9) }))).toEqual({
      state: 'finished',
      letters: 1,
      lastAt: day(9),
    });
  });

  it('a lowered maximum finishes a plan that had more letters', () => {
    const settings: PlanSettings = { ...DEFAULT_PLANS.after_rejection, maxLetters: 1 };
    const two = facts({ stage: 'rejected', written: 2, lastLetterAt: day(180) });
    expect(nextPlanStep('after_rejection', settings, two)).toMatchObject({ state: 'finished', letters: 2 });
  });
});

describe('nextPlanStep: 7 days between follow-ups to the same person', () => {
  it('moves a step due sooner to 7 days after the last follow-up to that person', () => {
    // Applied on day 0, so due on day 7; but a follow-up (another plan, or a click) went to them on day 5.
    expect(nextPlanStep('after_applying', ask, facts({ lastFollowUpAt: day(5) }))).toEqual({ state: 'next', step: 1, dueAt: day(12) });
  });

  it('leaves a step alone when the last follow-up was 7 days or more before it', () => {
    expect(nextPlanStep('after_applying', ask, facts({ lastFollowUpAt: day(0) }))).toEqual({ state: 'next', step: 1, dueAt: day(7) });
    expect(nextPlanStep('after_applying', ask, facts({ lastFollowUpAt: day(-30) }))).toEqual({ state: 'next', step: 1, dueAt: day(7) });
  });

  it('counts a follow-up scheduled for later too: the next one comes a week after it', () => {
    const scheduled = day(20);
    expect(nextPlanStep('after_applying', ask, facts({ lastFollowUpAt: scheduled }))).toEqual({ state: 'next', step: 1, dueAt: day(27) });
  });

  it('holds even when a plan repeats more often than weekly', () => {
    const often: PlanSettings = { mode: 'ask', firstWaitDays: 1, repeatEveryDays: 2, maxLetters: 3 };
    const one = facts({ stage: 'rejected', written: 1, lastLetterAt: day(1), lastFollowUpAt: day(1) });
    expect(nextPlanStep('after_rejection', often, one)).toEqual({ state: 'next', step: 2, dueAt: day(8) });
  });
});

describe('nextPlanStep: what stops a plan', () => {
  it('is off when its mode is off', () => {
    expect(nextPlanStep('after_applying', { ...ask, mode: 'off' }, facts())).toEqual({ state: 'off' });
  });

  it('has not started before its start', () => {
    expect(nextPlanStep('after_thanks', DEFAULT_PLANS.after_thanks, facts({ stage: 'interviewing', startedAt: null }))).toEqual({
      state: 'not_started',
    });
  });

  it('stops at the person’s Stop, before anything else', () => {
    const stoppedAt = day(3);
    expect(nextPlanStep('after_applying', ask, facts({ stoppedAt, stage: 'offer' }))).toEqual({
      state: 'stopped',
      reason: { why: 'stopped', at: stoppedAt },
    });
    expect(nextPlanStep('after_applying', ask, facts({ stoppedAt, startedAt: null }))).toMatchObject({ state: 'stopped' });
  });

  it('after applying stops at any move out of applied', () => {
    for (const stage of ['interviewing', 'offer', 'rejected', 'withdrawn', 'ghosted', 'wishlist'] as const) {
      expect(nextPlanStep('after_applying', ask, facts({ stage }))).toEqual({ state: 'stopped', reason: { why: 'stage', stage } });
    }
  });

  it('after the thank-you stops at offer, accepted, rejected, withdrawn, declined or ghosted, not while interviewing', () => {
    const settings = DEFAULT_PLANS.after_thanks;
    for (const stage of ['offer', 'accepted', 'rejected', 'withdrawn', 'declined', 'ghosted'] as const) {
      expect(nextPlanStep('after_thanks', settings, facts({ stage }))).toEqual({ state: 'stopped', reason: { why: 'stage', stage } });
    }
    expect(nextPlanStep('after_thanks', settings, facts({ stage: 'interviewing' }))).toMatchObject({ state: 'next', dueAt: day(10) });
  });

  it('after a rejection stops at withdrawn or any move out of rejected', () => {
    const settings = DEFAULT_PLANS.after_rejection;
    expect(planRunsAt('after_rejection', 'rejected')).toBe(true);
    for (const stage of ['withdrawn', 'interviewing', 'applied', 'offer'] as const) {
      expect(nextPlanStep('after_rejection', settings, facts({ stage }))).toEqual({ state: 'stopped', reason: { why: 'stage', stage } });
    }
  });

  it('stops at a reply after the plan began, not at one before it', () => {
    expect(nextPlanStep('after_applying', ask, facts({ repliedAt: day(2) }))).toEqual({
      state: 'stopped',
      reason: { why: 'replied', at: day(2) },
    });
    expect(nextPlanStep('after_applying', ask, facts({ repliedAt: day(-2) }))).toMatchObject({ state: 'next' });
  });

  it('stops at a later interview after applying and after the thank-you, but not after a rejection', () => {
    expect(nextPlanStep('after_applying', ask, facts({ laterInterview: true }))).toEqual({ state: 'stopped', reason: { why: 'interview' } });
    expect(nextPlanStep('after_thanks', DEFAULT_PLANS.after_thanks, facts({ stage: 'interviewing', laterInterview: true }))).toEqual({
      state: 'stopped',
      reason: { why: 'interview' },
    });
    expect(
      nextPlanStep('after_rejection', DEFAULT_PLANS.after_rejection, facts({ stage: 'rejected', laterInterview: true })),
    ).toMatchObject({ state: 'next' });
  });

  it('stops at a bounce, and for an archived application', () => {
    expect(nextPlanStep('after_applying', ask, facts({ flagged: true }))).toEqual({ state: 'stopped', reason: { why: 'bounced' } });
    expect(nextPlanStep('after_applying', ask, facts({ archived: true }))).toEqual({ state: 'stopped', reason: { why: 'archived' } });
  });

  it('waits for a contact to write to, with the step it would be', () => {
    expect(nextPlanStep('after_applying', ask, facts({ contactId: null }))).toEqual({ state: 'no_contact', step: 1 });
  });

  it('lets a step go when it has been due for over 30 days', () => {
    expect(nextPlanStep('after_applying', ask, facts(), day(37))).toEqual({ state: 'next', step: 1, dueAt: day(7) });
    expect(nextPlanStep('after_applying', ask, facts(), day(38))).toEqual({ state: 'lapsed', step: 1, dueAt: day(7) });
    // Without a clock, only the due date is given.
    expect(nextPlanStep('after_applying', ask, facts())).toMatchObject({ state: 'next' });
  });

  it('runs the same in Automatic mode: only the sending differs', () => {
    expect(nextPlanStep('after_applying', { ...ask, mode: 'automatic' }, facts())).toEqual({ state: 'next', step: 1, dueAt: day(7) });
  });
});
