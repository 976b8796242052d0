import { z } from 'zod';
import { id } from '@/lib/validation/fields';

/** The one question, on its own: the same limit as on the interview form. */
export const impressionSchema = z.object({
  applicationId: id,
  interviewId: id,
  impression: z
    .string()
    .max(2000, { message: 'At most 2000 characters: one line is plenty.', abort: true })
    .trim()
    .min(1, 'Write a few words: it is the line that makes the thank-you yours.'),
});
