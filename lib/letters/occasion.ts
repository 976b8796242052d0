import { z } from 'zod';
import { FOLLOW_UP_PLANS } from '@/lib/follow-ups/plans';
import { optionalId } from '@/lib/validation/fields';

/**
 * Which letter a form is about: the thank-you for an interview, the
 * thank-you after a rejection, asking for feedback after one, or a
 * follow-up to one contact (the application's primary contact when none is
 * named), perhaps the step of a follow-up plan. Shared by the one-click
 * button and the compose page.
 */
export const occasionFields = {
  occasion: z.enum(['interview_thanks', 'rejection_thanks', 'follow_up', 'feedback_request'], {
    error: 'Choose which letter to send.',
  }),
  interviewId: optionalId,
  applicationId: optionalId,
  contactId: optionalId,
  /** A follow-up plan's next step: the server decides which step and to whom. */
  followUpPlan: z.preprocess((v) => (v === '' ? undefined : v), z.enum(FOLLOW_UP_PLANS, { error: 'Reload the page and try again.' }).optional()),
};
export type Occasion = z.infer<z.ZodObject<typeof occasionFields>>;
