import { z } from 'zod';
import { optionalId } from '@/lib/validation/fields';

/**
 * Which letter a form is about: the thank-you for an interview, the
 * thank-you after a rejection, or a follow-up to one contact. Shared by the
 * one-click button and the compose page.
 */
export const occasionFields = {
  occasion: z.enum(['interview_thanks', 'rejection_thanks', 'follow_up'], { error: 'Choose which letter to send.' }),
  interviewId: optionalId,
  applicationId: optionalId,
  contactId: optionalId,
};
export type Occasion = z.infer<z.ZodObject<typeof occasionFields>>;

/** The query string that reopens an occasion on the compose page. */
export function occasionQuery(occasion: Occasion): string {
  const params = new URLSearchParams({ occasion: occasion.occasion });
  for (const key of ['interviewId', 'applicationId', 'contactId'] as const) {
    const value = occasion[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}
