import { z } from 'zod';
import { MAX_FOLLOW_UP_WEEKS } from '@/lib/dashboard/due-rules';
import { emailAddress } from '@/lib/mail/address';
import { id, optionalLine, optionalText, optionalUrl, requiredLine } from '@/lib/validation/fields';

/** Empty is allowed (not everyone met leaves an address); anything typed must be one real address. */
const optionalEmail = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined)
  .pipe(emailAddress.optional())
  .transform((v) => v ?? null);

/**
 * Weeks from the last letter to a follow-up check-in: blank is the default,
 * 0 is off. A form without the field (an older page) leaves it as it is.
 */
const followUpWeeks = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    if (value.trim() === '') return null;
    const weeks = Number(value);
    if (!Number.isInteger(weeks) || weeks < 0 || weeks > MAX_FOLLOW_UP_WEEKS) {
      ctx.addIssue({ code: 'custom', message: 'Choose how often to follow up from the list.' });
      return z.NEVER;
    }
    return weeks;
  });

export const contactSchema = z.object({
  name: requiredLine('Name', 200),
  email: optionalEmail,
  title: optionalLine('Title'),
  company: optionalLine('Company'),
  phone: optionalLine('Phone', 50),
  linkedinUrl: optionalUrl('LinkedIn URL'),
  notes: optionalText('Notes', 10_000),
  followUpWeeks,
});

export const editContactSchema = contactSchema.extend({ id });

export const deleteContactSchema = z.object({ id });

export const mergeContactsSchema = z.object({ survivorId: id, duplicateId: id });

export type ContactFormField = keyof z.input<typeof contactSchema>;
