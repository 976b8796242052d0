/**
 * The windows and cadences behind the dashboard's "What is due", in one
 * place so the queries, the words on the page and the tests agree.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
export const daysAfter = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS);

/** A thank-you is owed for interviews in the last 3 days; the seed says send it within 24 hours. */
export const THANK_YOU_DAYS = 3;
export const THANK_YOU_HOURS_ADVISED = 24;

/** After that a thank-you for a rejection reads as an afterthought: older ones are not listed. */
export const REJECTION_THANKS_DAYS = 30;

/** A follow-up comes due this long after the last letter, unless the contact says otherwise. */
export const DEFAULT_FOLLOW_UP_WEEKS = 6;
export const MAX_FOLLOW_UP_WEEKS = 52;
export const SNOOZE_DAYS = 14;

/** An active application with no activity for this long may have been ghosted. */
export const QUIET_DAYS = 21;

/**
 * Each list shows this many rows, with how many more there are: a morning's
 * work, not a wall. "Show more" opens one list at a time to SHOWN_MORE.
 */
export const DUE_LIMIT = 5;
export const SHOWN_MORE = 25;

/** The lists of "What is due", as named in the URL (`?more=follow-ups`) and in each list's anchor. */
export const DUE_LISTS = ['thank-you', 'rejection-thanks', 'follow-ups', 'letters', 'quiet'] as const;
export type DueListKey = (typeof DUE_LISTS)[number];
/**
 * Rows with a letter checked up front (what is missing, and where) show
 * fewer: each check reads the letter's facts in a few small queries.
 */
export const LETTER_ROWS_LIMIT = 3;

/** A list counts its rows up to here ("and 90+ more"): a long list then costs no more than a short one. */
export const DUE_COUNT_CAP = 100;
