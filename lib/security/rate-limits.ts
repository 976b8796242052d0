import { plural } from '@/lib/words';

/**
 * Every rate limit, in one place. Each counts requests in fixed windows
 * (a minute or an hour, starting on the clock), and is set far above what a
 * person at work ever does, so only a script or a stuck key meets it.
 */
export const RATE_LIMITS = {
  /** The compose page's live preview, once per pause in typing. */
  letterPreview: { max: 60, windowSeconds: 60, what: 'previews' },
  /** The one-click send, the compose page's send, and "Send again". */
  letterSend: { max: 30, windowSeconds: 60, what: 'letters sent' },
  /** The template editor's live preview. */
  templatePreview: { max: 60, windowSeconds: 60, what: 'previews' },
  /** CSV files uploaded to import (each is read in full). */
  csvImport: { max: 10, windowSeconds: 60 * 60, what: 'files uploaded to import' },
  /** The import's later steps: the preview again after a column or the date order changes, and the import itself. */
  csvImportStep: { max: 120, windowSeconds: 60 * 60, what: 'import previews' },
  /** The CSV of applications and the JSON of everything, together. */
  export: { max: 10, windowSeconds: 60 * 60, what: 'exports' },
  /** Mails asking to confirm a new reply-to address (saving a new one, or "resend link"). */
  replyToConfirmation: { max: 1, windowSeconds: 60, what: 'confirmation mails' },
  /** Sign-in mails asked for one address, on top of one a minute. */
  signInAddress: { max: 10, windowSeconds: 60 * 60, what: 'sign-in requests for this address' },
  /** Sign-in mails asked for from one IP address, whichever addresses they go to. */
  signInNetwork: { max: 30, windowSeconds: 60 * 60, what: 'sign-in requests from your network' },
} as const satisfies Record<string, { max: number; windowSeconds: number; what: string }>;

export type RateLimitScope = keyof typeof RATE_LIMITS;

/** Windows older than this are deleted by housekeeping: longer than the longest window. */
export const RATE_LIMIT_KEEP_HOURS = 2;

/** The start of the window `now` falls in. */
export function windowStartOf(scope: RateLimitScope, now: Date): Date {
  const ms = RATE_LIMITS[scope].windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** Whole seconds until the window `now` falls in ends: at least 1. */
export function secondsLeftInWindow(scope: RateLimitScope, now: Date): number {
  const end = windowStartOf(scope, now).getTime() + RATE_LIMITS[scope].windowSeconds * 1000;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

/** "Too many previews in a minute; wait 12 seconds." */
export function tooManyMessage(scope: RateLimitScope, waitSeconds: number): string {
  const { what, windowSeconds } = RATE_LIMITS[scope];
  const wait = waitSeconds < 90 ? plural(waitSeconds, 'second') : plural(Math.ceil(waitSeconds / 60), 'minute');
  return `Too many ${what} in ${windowSeconds === 60 ? 'a minute' : 'an hour'}; wait ${wait} and try again.`;
}
