/** The kinds of row in What is due; a dismissal names one. The database's enum is built from this list. */
export const DUE_KINDS = [
  'interview_thanks',
  'rejection_thanks',
  'follow_up',
  'letter',
  'quiet_application',
  'impression',
  'plan_follow_up',
] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/**
 * The windows and cadences behind the dashboard's "What is due", in one
 * place so the queries, the words on the page and the tests agree.
 */


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
 * work, not a wall, and a page light enough to open on a phone every day
 * (each row carries its forms). "Show more" opens one list at a time to
 * SHOWN_MORE.
 */
export const DUE_LIMIT = 3;
export const SHOWN_MORE = 25;

/** The lists of "What is due", as named in the URL (`?more=follow-ups`) and in each list's anchor. */
export const DUE_LISTS = ['impressions', 'thank-you', 'rejection-thanks', 'follow-ups', 'plans', 'letters', 'quiet'] as const;
export type DueListKey = (typeof DUE_LISTS)[number];

/** A list counts its rows up to here ("and 90+ more"): a long list then costs no more than a short one. */
export const DUE_COUNT_CAP = 100;

/**
 * How long a snapshot of What is due stands when nothing was written: any
 * write starts a new one at once; this is for what changes with the clock
 * alone (a follow-up comes due, a snooze ends), a minute late at most.
 */
export const DUE_SNAPSHOT_MAX_AGE_MS = 60_000;
