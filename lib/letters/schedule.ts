import { addCalendarDays, calendarDateInZone, isValidTimeZone, wallTimeExists, wallTimeToInstant } from '@/lib/time/zoned-time';
import { DAY_MS } from '@/lib/time/days';
import type { LetterContext } from './context';

/**
 * Send later: when a letter may be set to leave. "Tomorrow morning their
 * time" is 08:30 where the recipient is, early enough to be near the top of
 * their inbox when they start the day.
 */
export const MORNING = '08:30';
/** Further ahead than this is more likely a typo than a plan. */
export const SEND_LATER_MAX_DAYS = 365;

/** 08:30 tomorrow in a zone, as it falls on its calendar (a skipped 08:30 moves forward with the clocks). */
export function tomorrowMorning(now: Date, zone: string): Date {
  const tomorrow = addCalendarDays(calendarDateInZone(now, zone), 1);
  return wallTimeToInstant(`${tomorrow}T${MORNING}`, zone) ?? new Date(now.getTime() + DAY_MS);
}

export type SendAtCheck = { ok: true; at: Date } | { ok: false; message: string };

/**
 * A date and time the person typed ("2026-05-12T09:00") in a zone, checked:
 * a real time on that zone's clocks, in the future, and within a year.
 */
export function checkSendAt(local: string, zone: string, now: Date): SendAtCheck {
  if (!isValidTimeZone(zone)) return { ok: false, message: 'Choose a time zone from the list.' };
  const at = wallTimeToInstant(local, zone);
  if (!at) return { ok: false, message: 'Enter a date and a time, like 2026-05-12 09:00.' };
  if (!wallTimeExists(local, zone)) {
    return { ok: false, message: `That time does not exist in ${zone}: the clocks skip it that night. Choose another time.` };
  }
  return checkSendInstant(at, now);
}

/** The same check for an instant already known (a preset, a reschedule). */
export function checkSendInstant(at: Date, now: Date): SendAtCheck {
  if (at.getTime() <= now.getTime()) return { ok: false, message: 'That time has passed. Choose a time in the future.' };
  if (at.getTime() - now.getTime() > SEND_LATER_MAX_DAYS * DAY_MS) {
    return { ok: false, message: `Choose a time within the next ${SEND_LATER_MAX_DAYS} days.` };
  }
  return { ok: true, at };
}

/** Where the recipient is, as far as Afterword knows: the interview's zone, else the person's own. */
export function recipientZone(context: Pick<LetterContext, 'interview' | 'me'>): string {
  return context.interview?.timeZone ?? context.me.timeZone;
}
