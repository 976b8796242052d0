import { stageAfterInterview, type ApplicationStage } from '@/lib/pipeline/stages';
import { REPLY_PHRASES, type LanguagePhrases, type ReplyLanguage } from './reply-phrases';
import type { ReplyNextStep } from './kinds';

/**
 * What Afterword suggests doing with a reply: a suggestion the person
 * confirms, never a change made for them. Read from the reply's own words
 * (the caller trims the quoted letter) in the reply's language; a language
 * with no rules, or a reply that says neither, is only marked read. The
 * steps themselves are the database's list, in kinds.ts.
 */
export type NextStep = ReplyNextStep;

export const NEXT_STEP_LABELS: Record<NextStep, string> = {
  log_interview: 'Move to Interviewing and log the interview',
  move_to_rejected: 'Move to Rejected',
  mark_read: 'Mark as read',
};

/** The label as it reads for this application: past Applied, logging an interview moves nothing. */
export function nextStepLabel(step: NextStep, stage: ApplicationStage): string {
  if (step === 'log_interview' && !stageAfterInterview(stage)) return 'Log the interview';
  return NEXT_STEP_LABELS[step];
}

/** The start of a long reply says what it is about; the rest is not read. */
const READ_CHARS = 20_000;
/** How far back a negation reaches: "won't be scheduling a second interview". */
const NEGATION_WORDS = 4;
/** Stands for a sentence break among the words. */
const BREAK = '.';

/** Stages where a rejection is no news: the application has ended already, or was won. */
const SETTLED: ReadonlySet<ApplicationStage> = new Set(['rejected', 'withdrawn', 'declined', 'accepted']);
/** Stages an interview can still come from. */
const OPEN: ReadonlySet<ApplicationStage> = new Set(['wishlist', 'applied', 'interviewing', 'offer']);

// A reply to our letter carries our subject ("Re: Thank you for the second interview"): our words, not theirs.
const REPLY_OR_FORWARD_SUBJECT = /^\s*(re|aw|antw|sv|vs|r|rif|ref|fw|fwd|wg|tr|rv)\s*(\[\d+\])?\s*:/i;
const WORD_OR_BREAK = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*|[.,!?;:]+/gu;

/** The text as phrases are written: lowercase words split by single spaces, punctuation as a break, padded with spaces. */
function wordsOf(text: string): string {
  const normal = text.normalize('NFC').toLowerCase().replace(/[’‘`´]/g, "'");
  const words = (normal.match(WORD_OR_BREAK) ?? []).map((word) => (/^\p{P}/u.test(word) ? BREAK : word));
  return ` ${words.join(' ')} `;
}

function detectLanguage(words: string): ReplyLanguage | null {
  const counts = (Object.keys(REPLY_PHRASES) as ReplyLanguage[]).map((language) => {
    const stopWords = new Set(REPLY_PHRASES[language].stopWords);
    return { language, count: words.split(' ').filter((word) => stopWords.has(word)).length };
  });
  counts.sort((a, b) => b.count - a.count);
  const [first, second] = counts;
  return first && first.count > 0 && first.count > (second?.count ?? 0) ? first.language : null;
}

/** The language of a text, by its everyday words; null for one without rules, or a tie. */
export function replyLanguage(text: string): ReplyLanguage | null {
  return detectLanguage(wordsOf(text.slice(0, READ_CHARS)));
}

/** Every place a phrase stands, as whole words: the index of its first letter. */
function* occurrences(words: string, phrase: string): Generator<number> {
  const needle = ` ${phrase} `;
  for (let at = words.indexOf(needle); at !== -1; at = words.indexOf(needle, at + 1)) yield at + 1;
}

const has = (words: string, phrases: readonly string[]) => phrases.some((phrase) => words.includes(` ${phrase} `));

/** Whether a negation stands in the same clause, up to four words before `index`. */
function negatedAt(words: string, index: number, rules: LanguagePhrases): boolean {
  const before = words.slice(Math.max(0, index - 200), index).trim().split(' ');
  for (const word of before.slice(-NEGATION_WORDS).reverse()) {
    if (word === BREAK || rules.clauseWords.includes(word)) return false;
    if (rules.negations.includes(word)) return true;
  }
  return false;
}

function invites(words: string, rules: LanguagePhrases): boolean {
  return rules.invitation.some((phrase) => {
    for (const index of occurrences(words, phrase)) if (!negatedAt(words, index, rules)) return true;
    return false;
  });
}

/** The words with `phrase` made a placeholder wherever it stands (a second pass catches two that share a space). */
function blank(words: string, phrase: string): string {
  const needle = ` ${phrase} `;
  let result = words;
  while (result.includes(needle)) result = result.replaceAll(needle, ' _ ');
  return result;
}

/** What the reply says, in its language's rules, before the stage is considered. */
function replySays(subject: string, text: string): NextStep {
  const ownSubject = REPLY_OR_FORWARD_SUBJECT.test(subject.slice(0, 100)) ? '' : subject.slice(0, 1000);
  const read = wordsOf(`${ownSubject}\n${text.slice(0, READ_CHARS)}`);
  const language = detectLanguage(read);
  if (!language) return 'mark_read';

  const rules = REPLY_PHRASES[language];
  const words = rules.neutral.reduce(blank, read);
  // "Unfortunately we will not invite you to interview" is a rejection: clear ones win over any invitation.
  if (has(words, rules.rejection)) return 'move_to_rejected';
  if (invites(words, rules)) return 'log_interview';
  return has(words, rules.regret) ? 'move_to_rejected' : 'mark_read';
}

export function suggestNextStep(reply: { subject: string; text: string; stage: ApplicationStage }): NextStep {
  const step = replySays(reply.subject, reply.text);
  if (step === 'move_to_rejected') return SETTLED.has(reply.stage) ? 'mark_read' : step;
  if (step === 'log_interview') return OPEN.has(reply.stage) ? step : 'mark_read';
  return step;
}
