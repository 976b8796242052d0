import { z } from 'zod';
import { LETTER_KINDS } from '@/lib/letters/kinds';
import { parseTemplate } from '@/lib/letters/template';
import { id, requiredLine } from '@/lib/validation/fields';

/** Refuses a template with a {{field}} Afterword does not know, naming it, as the letter would be refused later. */
const knownFieldsOnly = (value: string, context: z.RefinementCtx) => {
  const parsed = parseTemplate(value);
  if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.message });
};

export const letterKindField = z.enum(LETTER_KINDS, {
  error: 'Choose which letter this template is for.',
});

export const templateSubject = z
  .string({ error: 'A template needs a subject.' })
  .trim()
  .min(1, 'A template needs a subject.')
  // Aborts, like every length check: a subject too long is not also parsed.
  .max(200, { message: 'Keep the subject under 200 characters.', abort: true })
  // A line break in a subject would start a new mail header.
  .refine((v) => !/[\r\n]/.test(v), 'A subject must be on one line.')
  .superRefine(knownFieldsOnly);

export const templateBody = z
  .string({ error: 'A template needs the words of the letter.' })
  .trim()
  .min(1, 'A template needs the words of the letter.')
  .max(20_000, { message: 'Keep the letter under 20,000 characters.', abort: true })
  .superRefine(knownFieldsOnly);

export const builtinTemplateSchema = z.object({ kind: letterKindField, subject: templateSubject, body: templateBody });

export const customTemplateSchema = z.object({
  name: requiredLine('Name', 80),
  kind: letterKindField,
  subject: templateSubject,
  body: templateBody,
});

export const editCustomTemplateSchema = customTemplateSchema.extend({ id });

export const resetTemplateSchema = z.object({ kind: letterKindField });

export const deleteTemplateSchema = z.object({ id });

/**
 * A preview takes whatever is typed so far: what is wrong with it is the
 * preview's message, not a refusal. Only the size is bounded, as it is sent
 * on every pause in typing.
 */
export const previewTemplateSchema = z.object({
  kind: letterKindField,
  subject: z.string().max(1_000, 'Keep the subject under 200 characters.'),
  body: z.string().max(40_000, 'Keep the letter under 20,000 characters.'),
  applicationId: z.union([z.literal(''), id]).optional(),
});

export type TemplateField = 'name' | 'kind' | 'subject' | 'body';
