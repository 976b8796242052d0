import { z } from 'zod';
import { FOLLOW_UP_MODES, FOLLOW_UP_PLANS, type FollowUpPlanKind, type PlanSettings } from '@/lib/follow-ups/plans';
import { fieldName, PLAN_LIMITS } from './follow-up-plans-fields';

const days = (label: string, { min, max }: { min: number; max: number }) =>
  z.coerce
    .number({ error: `Enter the ${label} as a number.` })
    .int(`Enter the ${label} as a whole number.`)
    .min(min, `The ${label} is at least ${min}.`)
    .max(max, `The ${label} is at most ${max}.`);

const shape = Object.fromEntries(
  FOLLOW_UP_PLANS.flatMap((plan) => [
    [fieldName(plan, 'mode'), z.enum(FOLLOW_UP_MODES, { error: 'Choose Ask, Automatic or Off.' })],
    [fieldName(plan, 'firstWaitDays'), days('wait', PLAN_LIMITS.firstWaitDays)],
    [fieldName(plan, 'repeatEveryDays'), days('time between letters', PLAN_LIMITS.repeatEveryDays)],
    [fieldName(plan, 'maxLetters'), days('number of letters', PLAN_LIMITS.maxLetters)],
  ]),
) as Record<string, z.ZodType<string | number>>;

/** The Settings form for the three plans, read into each plan's settings. */
export const planSettingsSchema = z.object(shape).transform((form) => {
  const read = (plan: FollowUpPlanKind): PlanSettings => ({
    mode: form[fieldName(plan, 'mode')] as PlanSettings['mode'],
    firstWaitDays: form[fieldName(plan, 'firstWaitDays')] as number,
    repeatEveryDays: form[fieldName(plan, 'repeatEveryDays')] as number,
    maxLetters: form[fieldName(plan, 'maxLetters')] as number,
  });
  return Object.fromEntries(FOLLOW_UP_PLANS.map((plan) => [plan, read(plan)])) as Record<FollowUpPlanKind, PlanSettings>;
});
