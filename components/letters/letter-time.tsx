const exact = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});
const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
  ['week', 7 * 24 * 60 * 60],
  ['month', 30 * 24 * 60 * 60],
  ['year', 365 * 24 * 60 * 60],
];

/** "Mar 14, 2026, 2:30 PM UTC": the server does not know the reader's zone, so it says which one it used. */
export function exactTime(date: Date): string {
  return exact.format(date);
}

/**
 * "3 hours ago", "yesterday". `now` is the server's render time, so one page
 * measures every row from the same moment. A time slightly ahead (clock
 * skew between database and server) reads as "just now".
 */
export function relativeTime(date: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (seconds < 45) return 'just now';
  let unit: Intl.RelativeTimeFormatUnit = 'minute';
  let size = 60;
  for (const [stepUnit, stepSize] of STEPS) {
    if (seconds < stepSize) break;
    [unit, size] = [stepUnit, stepSize];
  }
  return relative.format(-Math.max(1, Math.round(seconds / size)), unit);
}

/** A moment as "3 hours ago", with the exact time in its title and datetime. */
export function LetterTime({ date, now }: { date: Date; now: Date }) {
  return (
    <time dateTime={date.toISOString()} title={exactTime(date)}>
      {relativeTime(date, now)}
    </time>
  );
}
