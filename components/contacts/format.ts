/**
 * Dates and counts on the contact pages. The server does not know the reader's time
 * zone, so plain dates are shown in UTC; an interview is shown in the zone
 * it was entered in, as the person saw it.
 */
const day = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const moment = { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' } as const;

export function formatDay(date: Date): string {
  return day.format(date);
}

export function formatInterviewTime(date: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { ...moment, timeZone, timeZoneName: 'short' }).format(date);
  } catch {
    // A zone this runtime does not know: UTC rather than a failed page.
    return new Intl.DateTimeFormat('en-US', { ...moment, timeZone: 'UTC', timeZoneName: 'short' }).format(date);
  }
}
