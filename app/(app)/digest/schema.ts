import { z } from 'zod';
import { MAX_LINK_TOKEN_LENGTH } from '@/lib/digest/links';

/** A digest link's token, as the Send page posts it: anything longer than Afterword makes is refused unread. */
export const digestSendSchema = z.object({
  token: z
    .string()
    .max(MAX_LINK_TOKEN_LENGTH, { message: 'This link is not one Afterword made.', abort: true })
    .trim()
    .min(1, 'This link is incomplete.'),
});
