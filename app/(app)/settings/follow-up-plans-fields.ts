import type { FollowUpPlanKind, PlanSettings } from '@/lib/follow-ups/plans';

/*
 * What the plans' form and its schema share, apart from the schema so the
 * form (a client component) does not bring zod into the browser: building
 * a zod object there probes for eval, which the page's policy refuses.
 */

/** What a plan may be set to: a wait of a day to a year, and a few letters at most, so a plan never turns into a mailing. */
export const PLAN_LIMITS = {
  firstWaitDays: { min: 1, max: 365 },
  repeatEveryDays: { min: 7, max: 365 },
  maxLetters: { min: 1, max: 5 },
} as const;

/** One field per plan and setting, named `<plan>.<setting>`, as the form sends them. */
export const fieldName = (plan: FollowUpPlanKind, setting: keyof PlanSettings) => `${plan}.${setting}`;
