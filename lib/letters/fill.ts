import { z } from 'zod';
import { type LetterFacts, MERGE_FIELDS, type MergeField } from './merge-fields';
import { fillTemplate, hasPlaceholder, parseTemplate } from './template';

export type LetterTemplateSource = { subject: string; body: string };
export type MissingFact = { field: MergeField; label: string; fillIn: string };

export type FilledLetter =
  | { ok: true; subject: string; body: string }
  | { ok: false; missing: MissingFact[]; unknownFields: string[]; message: string };

/**
 * Fills a template's subject and body with one letter's facts. Nothing is
 * produced while any fact is missing: the answer names each one and where
 * the person fills it in.
 */
export function fillLetter(template: LetterTemplateSource, facts: LetterFacts): FilledLetter {
  const subject = parseTemplate(template.subject);
  const body = parseTemplate(template.body);
  if (!subject.ok || !body.ok) {
    const unknownFields = [...(subject.ok ? [] : subject.unknownFields), ...(body.ok ? [] : body.unknownFields)];
    return { ok: false, missing: [], unknownFields, message: (!subject.ok ? subject : body.ok ? null : body)!.message };
  }
  const filledSubject = fillTemplate(subject.parts, facts);
  const filledBody = fillTemplate(body.parts, facts);
  if (!filledSubject.ok || !filledBody.ok) {
    const fields = new Set<MergeField>([
      ...(filledSubject.ok ? [] : filledSubject.missing.map((m) => m.field)),
      ...(filledBody.ok ? [] : filledBody.missing.map((m) => m.field)),
    ]);
    const missing = [...fields].map((field) => ({ field, label: MERGE_FIELDS[field].label, fillIn: MERGE_FIELDS[field].fillIn }));
    return {
      ok: false,
      missing,
      unknownFields: [],
      message: `Missing: ${missing.map((m) => `${m.label.toLowerCase()} (fill in ${m.fillIn})`).join('; ')}.`,
    };
  }
  // Facts are trimmed one by one, so a subject can only gain a line break from the facts; it is flattened.
  return { ok: true, subject: filledSubject.text.replace(/\s+/g, ' ').trim(), body: filledBody.text.trim() };
}

/** A letter as the person approves it, after any edits: checked again on the server before it is written. */
export const letterWords = z.object({
  subject: z
    .string()
    .trim()
    .min(1, 'A letter needs a subject.')
    .max(200, { message: 'Keep the subject under 200 characters.', abort: true })
    .refine((v) => !/[\r\n]/.test(v), 'A subject cannot contain line breaks.')
    .refine((v) => !hasPlaceholder(v), 'The subject still has a {{…}} placeholder. Replace it with your own words.'),
  body: z
    .string()
    .trim()
    .min(1, 'A letter needs some words.')
    .max(20_000, { message: 'Keep the letter under 20,000 characters.', abort: true })
    .refine((v) => !hasPlaceholder(v), 'The letter still has a {{…}} placeholder. Replace it with your own words.'),
});
export type LetterWords = z.infer<typeof letterWords>;


/** Paragraphs are separated by a blank line; single line breaks are kept inside a paragraph. */
export function paragraphsOf(body: string): string[][] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/^\s*\n|\n\s*$/g, '').split('\n').map((line) => line.trimEnd()))
    .filter((lines) => lines.some((line) => line.trim() !== ''));
}
