const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "just now", "3 hours ago", "yesterday", "2 days ago", "6 weeks ago", "in 2 days": from the server's now. */
export function timeFromNow(at: Date, now: Date): string {
  const ms = at.getTime() - now.getTime();
  const size = Math.abs(ms);
  if (size < MINUTE) return 'just now';
  if (size < HOUR) return relative.format(Math.trunc(ms / MINUTE), 'minute');
  if (size < DAY) return relative.format(Math.trunc(ms / HOUR), 'hour');
  if (size < 2 * WEEK) return relative.format(Math.trunc(ms / DAY), 'day');
  if (size < 13 * WEEK) return relative.format(Math.trunc(ms / WEEK), 'week');
  return relative.format(Math.trunc(ms / (30 * DAY)), 'month');
}

/** Whole hours from `at` to `now`. */
export const hoursSince = (at: Date, now: Date) => Math.floor((now.getTime() - at.getTime()) / HOUR);
