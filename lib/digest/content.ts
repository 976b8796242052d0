import { THANK_YOU_HOURS_ADVISED } from '@/lib/dashboard/due-rules';

/**
 * What a morning digest holds: lists of letters already written (each with
 * its first lines, and a Send link when one click can send it), then the
 * questions that stand between an interview and its thank-you. A list is a
 * section, so another kind of due letter is one more section.
 */

/** What a digest's Send link does: an occasion's fields, or `{ letterId }` for a letter that waits on a decision. */
export type DigestSendTarget = Record<string, string>;

export type DigestLetter = {
  /** "Thank-you to Grace Hopper", for one interview or letter. */
  title: string;
  /** "Acme · Staff Engineer". */
  about: string | null;
  /** Hours left, when it goes out, or why it waits. */
  note: string | null;
  /** Its first lines as they would be sent; null when it cannot be written yet. */
  firstLines: string | null;
  /** What stops it, when something does: the person fixes it in Afterword. */
  problem: string | null;
  /** What Send does; null when there is nothing to send from the mail. */
  send: DigestSendTarget | null;
  /** Where it opens in Afterword (a path). */
  openPath: string;
};

export type DigestSection = { key: string; title: string; letters: DigestLetter[] };

export type DigestQuestion = { interviewId: string; title: string; about: string | null; answerPath: string };

export type DigestContent = { sections: DigestSection[]; questions: DigestQuestion[] };

/** How many things a digest lists; 0 is a day with nothing due, and no mail. */
export function digestItemCount(content: DigestContent): number {
  return content.sections.reduce((n, s) => n + s.letters.length, 0) + content.questions.length;
}

/** Only the sections with something in them, in their order. */
export function nonEmpty(content: DigestContent): DigestContent {
  return { ...content, sections: content.sections.filter((s) => s.letters.length > 0) };
}

/** How many lines of a letter the digest shows. */
export const FIRST_LINES = 3;
const FIRST_LINES_MAX_CHARS = 320;

/** The first lines of a letter's words, blank lines skipped, cut at a word near 320 characters. */
export function firstLinesOf(body: string, lines = FIRST_LINES): string {
  const kept = body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .slice(0, lines)
    .join('\n');
  if (kept.length <= FIRST_LINES_MAX_CHARS) return kept;
  const cut = kept.slice(0, FIRST_LINES_MAX_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > FIRST_LINES_MAX_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Whole hours left of the 24 after an interview in which a thank-you is best sent; 0 once they are over. */
export function thankYouHoursLeft(interviewAt: Date, now: Date): number {
  const left = interviewAt.getTime() + THANK_YOU_HOURS_ADVISED * 3_600_000 - now.getTime();
  return left <= 0 ? 0 : Math.floor(left / 3_600_000);
}

/** "6 hours left of the 24 after the interview", or what to do once they are over. */
export function thankYouNote(interviewAt: Date, now: Date): string {
  const hours = thankYouHoursLeft(interviewAt, now);
  if (hours === 0) {
    return interviewAt.getTime() + THANK_YOU_HOURS_ADVISED * 3_600_000 > now.getTime()
      ? `Less than an hour left of the ${THANK_YOU_HOURS_ADVISED} after the interview`
      : `The ${THANK_YOU_HOURS_ADVISED} hours after the interview are over; it is still worth sending today`;
  }
  return `${hours} ${hours === 1 ? 'hour' : 'hours'} left of the ${THANK_YOU_HOURS_ADVISED} after the interview`;
}

/** "Tue 09:00" in the person's zone. */
export function weekdayTime(at: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(at)
    .reduce<Record<string, string>>((all, p) => ({ ...all, [p.type]: p.value }), {});
  return `${parts.weekday} ${parts.hour}:${parts.minute}`;
}

/** When a scheduled letter leaves: an automatic one says it leaves without a click unless stopped. */
export function leavesNote(leavesAt: Date, zone: string, automatic: boolean): string {
  const when = weekdayTime(leavesAt, zone);
  return automatic ? `Goes out ${when} unless you stop it` : `Goes out ${when}, as you scheduled it`;
}

/** "Acme · Staff Engineer", or whichever of the two is known. */
export function aboutLine(company: string | null | undefined, position: string | null | undefined): string | null {
  const parts = [company, position].filter((p): p is string => Boolean(p?.trim()));
  return parts.length ? parts.join(' · ') : null;
}
