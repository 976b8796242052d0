import { z } from 'zod';
import { FOLLOW_UP_MODES, FOLLOW_UP_PLANS } from '@/lib/follow-ups/plans';
import { id } from '@/lib/validation/fields';

/** One application's plan: choose its mode (or the defaults again), Stop it, or resume it. */
export const applicationPlanSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('mode'),
      applicationId: id,
      plan: z.enum(FOLLOW_UP_PLANS, { error: 'Reload the page and try again.' }),
      mode: z.enum([...FOLLOW_UP_MODES, 'default'], { error: 'Choose Ask, Automatic, Off or your defaults.' }),
    }),
    z.object({ intent: z.literal('stop'), applicationId: id, plan: z.enum(FOLLOW_UP_PLANS, { error: 'Reload the page and try again.' }) }),
    z.object({ intent: z.literal('resume'), applicationId: id, plan: z.enum(FOLLOW_UP_PLANS, { error: 'Reload the page and try again.' }) }),
  ],
  { error: 'Reload the page and try again.' },
);
