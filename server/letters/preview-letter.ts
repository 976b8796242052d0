import 'server-only';
import { occasionLetterContext } from '@/db/queries/letter-context';
import { NOT_FOUND, UserError } from '@/lib/errors';
import type { LetterContext } from '@/lib/letters/context';
import { type LetterTemplateSource, letterWords } from '@/lib/letters/fill';
import type { Occasion } from '@/lib/letters/occasion';
import { type LetterProblem, planLetters } from '@/lib/letters/plan';
import { renderLetter } from './render-letter';

export type LetterPreview = { subject: string; html: string; to: string; cc: string[]; count: number };

/**
 * The first letter of an occasion, planned and rendered exactly as sending
 * would, or why it cannot be sent yet. Nothing is written.
 */
export async function previewFirstLetter(
  context: LetterContext,
  template: LetterTemplateSource,
  separate: boolean,
): Promise<{ preview: LetterPreview | null; problems: LetterProblem[] }> {
  const plan = planLetters(context, template, { separate });
  if (!plan.ok) return { preview: null, problems: plan.problems };
  const [first] = plan.letters;
  const words = letterWords.safeParse({ subject: first.subject, body: first.body });
  if (!words.success) return { preview: null, problems: words.error.issues.map((issue) => ({ message: issue.message, href: null })) };
  const rendered = await renderLetter(words.data);
  return {
    preview: {
      subject: rendered.subject,
      html: rendered.html,
      to: `${first.to.name} <${first.to.email}>`,
      cc: first.cc.map((p) => p.name),
      count: plan.letters.length,
    },
    problems: [],
  };
}

/** The compose page's live preview of what is typed so far, for the occasion the page is about. */
export async function previewOccasionLetter(userId: string, occasion: Occasion, words: LetterTemplateSource & { separate: boolean }) {
  const context = await occasionLetterContext(userId, occasion);
  if (!context) throw new UserError(NOT_FOUND.occasion);
  return previewFirstLetter(context, { subject: words.subject, body: words.body }, words.separate);
}
