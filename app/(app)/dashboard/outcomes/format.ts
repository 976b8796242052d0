import { MIN_GROUP } from '@/lib/dashboard/outcome-rules';

const number = new Intl.NumberFormat('en-US');

export const formatCount = (n: number) => number.format(n);

/** A whole percentage, or null when there is nothing to divide by. */
export const percentOf = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : null);

/** "45 of 50, 90%": a rate always shows what it was taken over. */
export function rateText(part: number, whole: number): string {
  const percent = percentOf(part, whole);
  return percent === null ? `${formatCount(part)} of ${formatCount(whole)}` : `${formatCount(part)} of ${formatCount(whole)}, ${percent}%`;
}

/** A share is shown only over a group of at least MIN_GROUP; below that it says more about chance. */
export const enoughData = (total: number) => total >= MIN_GROUP;

// Week starts print the same wherever the server runs.
const day = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', timeZone: 'UTC' });
export const formatWeek = (isoDay: string) => day.format(new Date(`${isoDay}T00:00:00Z`));
