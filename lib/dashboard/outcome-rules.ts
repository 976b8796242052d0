import type { LetterStatus } from '@/lib/letters/status';

/*
 * How the dashboard counts. The queries and the sentences that explain the
 * figures both read these, so what the page says is what the SQL does.
 */

/**
 * A letter's status only moves forward and keeps only the furthest point it
 * reached, so each figure counts the statuses that imply it: an opened letter
 * was delivered, a delivered one was sent. A complaint comes from someone who
 * received the letter, so it counts as delivered; a bounce was sent but never
 * delivered. Failed, suppressed, queued and undecided letters never left.
 */
export const LETTER_FIGURES = {
  sent: ['sent', 'delivery_delayed', 'delivered', 'opened', 'clicked', 'bounced', 'complained'],
  delivered: ['delivered', 'opened', 'clicked', 'complained'],
  opened: ['opened', 'clicked'],
  clicked: ['clicked'],
  bounced: ['bounced'],
  complained: ['complained'],
} as const satisfies Record<string, readonly LetterStatus[]>;

export type LetterFigure = keyof typeof LETTER_FIGURES;

/** A thank-you that reached the person: sent and not bounced. Only these can pay off. */
export const REACHED_STATUSES = LETTER_FIGURES.sent.filter((s) => s !== 'bounced');

/** The seed's advice: a thank-you within a day of the interview. */
export const THANKS_WITHIN_HOURS = 24;

/**
 * A thank-you counts as answered when a real reply (a person's, never an
 * automatic one or the person's own) came within this many days of it leaving.
 */
export const REPLY_WITHIN_DAYS = 7;

/** An interview or rejection younger than this has not had time to lead anywhere, so it is left out. */
export const OUTCOME_WAIT_DAYS = 14;

/** Below this many in a group, a share says more about chance than about letters. */
export const MIN_GROUP = 5;

/** The weekly activity chart's span, the current week included. */
export const ACTIVITY_WEEKS = 12;

/** What the weekly activity chart counts, one row each. */
export const ACTIVITY_SERIES = ['applications', 'interviews', 'letters'] as const;
export type ActivitySeries = (typeof ACTIVITY_SERIES)[number];

/**
 * How long a snapshot of the Outcomes figures stands when nothing was
 * written: a write (a letter, a webhook's status, a stage) starts a new one
 * at once; this only moves the period's edge along with the clock.
 */
export const OUTCOMES_SNAPSHOT_MAX_AGE_MS = 10 * 60_000;
