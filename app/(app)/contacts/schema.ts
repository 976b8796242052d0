import { z } from 'zod';
import { emailAddress } from '@/lib/mail/address';
import { id, optionalLine, optionalText, optionalUrl, requiredLine } from '@/lib/validation/fields';

/** Empty is allowed (not everyone met leaves an address); anything typed must be one real address. */
const optionalEmail = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined)
  .pipe(emailAddress.optional())
  .transform((v) => v ?? null);

export const contactSchema = z.object({
  name: requiredLine('Name', 200),
  email: optionalEmail,
  title: optionalLine('Title'),
  company: optionalLine('Company'),
  phone: optionalLine('Phone', 50),
  linkedinUrl: optionalUrl('LinkedIn URL'),
  notes: optionalText('Notes', 10_000),
});

export const editContactSchema = contactSchema.extend({ id });

export const deleteContactSchema = z.object({ id });

export const mergeContactsSchema = z.object({ survivorId: id, duplicateId: id });

export type ContactFormField = keyof z.input<typeof contactSchema>;
