/**
 * The follow-up plans: letters that keep a search moving when nobody answers.
 * The database's enums are built from these lists.
 *
 * - after_applying: no answer some days after applying, one letter to the application's contact;
 * - after_thanks: no news some days after the interview thank-you, a check-in;
 * - after_rejection: keep in touch every few months, a few times at most.
 */
export const FOLLOW_UP_PLANS = ['after_applying', 'after_thanks', 'after_rejection'] as const;
export type FollowUpPlanKind = (typeof FOLLOW_UP_PLANS)[number];

/**
 * Ask (the default): a due letter becomes a one-click row on the dashboard
 * and in the digest. Automatic: it is written, shown as scheduled, and leaves
 * unless the person stops it. Off: the plan does nothing.
 */
export const FOLLOW_UP_MODES = ['ask', 'automatic', 'off'] as const;
export type FollowUpMode = (typeof FOLLOW_UP_MODES)[number];

export type PlanSettings = { mode: FollowUpMode; firstWaitDays: number; repeatEveryDays: number; maxLetters: number };

export const DEFAULT_PLANS: Record<FollowUpPlanKind, PlanSettings> = {
  after_applying: { mode: 'ask', firstWaitDays: 7, repeatEveryDays: 7, maxLetters: 1 },
  after_thanks: { mode: 'ask', firstWaitDays: 10, repeatEveryDays: 10, maxLetters: 1 },
  after_rejection: { mode: 'ask', firstWaitDays: 90, repeatEveryDays: 90, maxLetters: 2 },
};
