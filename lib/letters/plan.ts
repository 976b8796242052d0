import type { InterviewKind } from '@/lib/pipeline/labels';
import type { LetterContext, LetterPerson } from './context';
import { fillLetter, type LetterTemplateSource, type MissingFact } from './fill';
import type { LetterFacts, MergeField } from './merge-fields';

/** Resend allows more, but a thank-you to a crowd reads as a mailing: 1 To and at most 10 CC. */
export const MAX_CC = 10;

/** Something that stops a letter, with where the person puts it right. */
export type LetterProblem = { message: string; href: string | null; missing?: MissingFact };

/** One email to be written: who it goes to and its words, fully filled in. */
export type DraftLetter = { to: LetterPerson; cc: LetterPerson[]; subject: string; body: string };

export type LetterPlan = { ok: true; letters: DraftLetter[] } | { ok: false; problems: LetterProblem[] };

const ROUND: Record<InterviewKind, string> = {
  phone_screen: 'phone screen',
  video: 'video interview',
  onsite: 'on-site interview',
  panel: 'panel interview',
  final: 'final-round interview',
};

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

/**
 * The text without the full stops and exclamation marks it ends with. A loop,
 * not `/[.!]+$/`: that pattern starts again at every dot of a long run and
 * takes seconds on a few thousand of them.
 */
function withoutClosingMarks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || text[end - 1] === '!')) end--;
  return text.slice(0, end);
}

function interviewDate(at: Date, timeZone: string) {
  try {
    return new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(at);
  }
}

/** The closing: the person's own, or "Best regards" over their name. */
export function signatureOf(me: LetterContext['me']): string | null {
  if (me.signature?.trim()) return me.signature;
  return me.name?.trim() ? `Best regards,\n${me.name.trim()}` : null;
}

/** The facts of one letter, to one person. */
export function factsFor(context: LetterContext, person: LetterPerson | null): LetterFacts {
  const interview = context.interview;
  const impression = interview?.impression?.trim();
  return {
    'contact.firstName': person ? firstName(person.name) : null,
    'contact.name': person?.name ?? null,
    company: context.company,
    position: context.position,
    'interview.date': interview ? interviewDate(interview.scheduledAt, interview.timeZone) : null,
    'interview.round': interview ? ROUND[interview.kind] : null,
    // Templates end the sentence themselves, so the person's own full stop is not doubled.
    impression: impression === undefined ? null : withoutClosingMarks(impression),
    'me.name': context.me.name,
    'me.signature': signatureOf(context.me),
  };
}

/** Where each fact is filled in, for this letter's links. */
export function fillInHref(context: LetterContext, field: MergeField, person: LetterPerson | null): string | null {
  if (field.startsWith('contact.')) return person ? `/contacts/${person.contactId}/edit` : null;
  if (field.startsWith('me.')) return '/settings';
  if (field === 'company' || field === 'position') return `/applications/${context.applicationId}/edit`;
  return context.interview
    ? `/applications/${context.applicationId}/interviews/${context.interview.id}/edit`
    : `/applications/${context.applicationId}/interviews/new`;
}

function recipientProblems(context: LetterContext, people: LetterPerson[]): LetterProblem[] {
  return people.flatMap((person): LetterProblem[] => {
    const href = `/contacts/${person.contactId}/edit`;
    if (!person.email) return [{ message: `${person.name} has no email address. Add one on their contact page.`, href }];
    if (person.flagged) {
      const what = person.flagged === 'complained' ? 'marked a letter as spam' : 'bounced before';
      return [{ message: `${person.email} (${person.name}) ${what}. Fix the address before writing again.`, href }];
    }
    return [];
  });
}

/**
 * Plans the letters for one occasion: one letter To the primary contact with
 * everyone else in CC, or, with `separate`, one personalised letter each.
 * Every fact must be there; otherwise the answer lists what is missing and
 * where to fill it in, and nothing is written.
 */
export function planLetters(
  context: LetterContext,
  template: LetterTemplateSource,
  options: { separate: boolean },
): LetterPlan {
  const people = context.people;
  if (people.length === 0) {
    const href =
      context.kind === 'interview_thanks' && context.interview
        ? `/applications/${context.applicationId}/interviews/${context.interview.id}/edit`
        : `/applications/${context.applicationId}`;
    return { ok: false, problems: [{ message: 'Nobody to write to yet. Add the people you met.', href }] };
  }

  const problems = recipientProblems(context, people);
  const groups: { to: LetterPerson; cc: LetterPerson[] }[] = [];
  if (options.separate) {
    for (const person of people) groups.push({ to: person, cc: [] });
  } else {
    const primary = people.find((p) => p.isPrimary);
    if (!primary) {
      problems.push({
        message: 'Choose the primary contact: the letter goes to them, with a copy to the others.',
        href: `/applications/${context.applicationId}`,
      });
    } else {
      const cc = people.filter((p) => p !== primary);
      if (cc.length > MAX_CC) {
        problems.push({
          message: `One letter can copy at most ${MAX_CC} people; this one would copy ${cc.length}. Send a separate letter to each person instead.`,
          href: null,
        });
      }
      groups.push({ to: primary, cc });
    }
  }

  const letters: DraftLetter[] = [];
  const seen = new Set<string>();
  for (const group of groups) {
    const filled = fillLetter(template, factsFor(context, group.to));
    if (filled.ok) {
      letters.push({ ...group, subject: filled.subject, body: filled.body });
      continue;
    }
    if (filled.missing.length === 0) {
      problems.push({ message: filled.message, href: null });
      continue;
    }
    for (const missing of filled.missing) {
      const href = fillInHref(context, missing.field, group.to);
      const key = `${missing.field}:${href}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const whose = missing.field.startsWith('contact.') ? ` for ${group.to.name}` : '';
      problems.push({ message: `Missing ${missing.label.toLowerCase()}${whose}: fill in ${missing.fillIn}.`, href, missing });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, letters };
}
