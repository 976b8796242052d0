import 'server-only';
import { applicationLetterContext, interviewLetterContext } from '@/db/queries/letter-context';
import { latestInterviewId } from '@/db/queries/letter-templates';
import type { LetterContext } from '@/lib/letters/context';
import { fillLetter, type LetterTemplateSource, letterWords } from '@/lib/letters/fill';
import type { LetterKind } from '@/lib/letters/kinds';
import type { LetterFacts } from '@/lib/letters/merge-fields';
import { factsFor, fillInHref } from '@/lib/letters/plan';
import { renderLetter } from '@/server/letters/render-letter';

/** Facts for previewing a template before it has a real application to go with. */
export const SAMPLE_FACTS: Required<LetterFacts> = {
  'contact.firstName': 'Grace',
  'contact.name': 'Grace Hopper',
  company: 'Analytical Engines Ltd',
  position: 'Senior Software Engineer',
  'interview.date': 'Tuesday, March 10',
  'interview.round': 'panel interview',
  impression: 'how the whole team reviews each design together before a line of code is written.',
  'me.name': 'Ada Lovelace',
  'me.signature': 'Kind regards,\nAda Lovelace',
};

export type MissingInPreview = { label: string; fillIn: string; href: string | null };

export type TemplatePreview =
  | { status: 'rendered'; subject: string; html: string }
  | { status: 'missing'; missing: MissingInPreview[] }
  | { status: 'invalid'; message: string };

/**
 * The facts a letter of this kind would be written from for one application:
 * a thank-you is about its latest interview; the others about the whole
 * application. Null when the application is not the person's.
 */
async function contextFor(userId: string, kind: LetterKind, applicationId: string): Promise<LetterContext | null> {
  if (kind !== 'interview_thanks') return applicationLetterContext(userId, applicationId, kind);
  const interviewId = await latestInterviewId(userId, applicationId);
  if (interviewId) return interviewLetterContext(userId, interviewId);
  // No interview yet: the application's own facts, so the preview names the interview facts as missing.
  return applicationLetterContext(userId, applicationId, 'follow_up');
}

/**
 * Renders what typing so far would send, through the same fill and renderer
 * as a real letter, against sample facts or one of the person's applications.
 * A missing fact is named with where to fill it in, never left as a gap.
 */
export async function previewTemplate(
  userId: string,
  input: LetterTemplateSource & { kind: LetterKind; applicationId?: string | null },
): Promise<TemplatePreview> {
  let facts: LetterFacts = SAMPLE_FACTS;
  let context: LetterContext | null = null;
  if (input.applicationId) {
    context = await contextFor(userId, input.kind, input.applicationId);
    if (!context) return { status: 'invalid', message: 'That application could not be found. Choose another, or sample data.' };
    facts = factsFor(context, context.people[0] ?? null);
  }

  const filled = fillLetter({ subject: input.subject, body: input.body }, facts);
  if (!filled.ok) {
    if (filled.missing.length === 0) return { status: 'invalid', message: filled.message };
    const person = context?.people[0] ?? null;
    return {
      status: 'missing',
      missing: filled.missing.map(({ field, label, fillIn }) =>
        // With nobody recorded yet there is no contact page to send the person to.
        context && !person && field.startsWith('contact.')
          ? { label, fillIn: 'the people you met, on the application', href: `/applications/${context.applicationId}` }
          : { label, fillIn, href: context ? fillInHref(context, field, person) : null },
      ),
    };
  }
  // The checks a letter passes before it is sent, so the preview never shows what could not go out.
  const words = letterWords.safeParse(filled);
  if (!words.success) return { status: 'invalid', message: words.error.issues.map((issue) => issue.message).join(' ') };
  const { subject, html } = await renderLetter(words.data);
  return { status: 'rendered', subject, html };
}
