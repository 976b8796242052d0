import { DAY_MS } from '@/lib/time/days';
import { instantToWallTime, isValidTimeZone, wallTimeToInstant } from '@/lib/time/zoned-time';

/**
 * An automatic letter leaves in the recipient's working day: from 08:00 to
 * 18:00 their time, Monday to Friday. One due outside it waits for the next
 * working morning, at 09:00, so it is near the top of their inbox rather
 * than under the night's mail.
 */
export const QUIET_HOURS = { start: 8, end: 18 } as const;
export const MOVED_TO_HOUR = 9;

/** Never more than one follow-up to the same person in this many days, across every plan and click. */
export const FOLLOW_UP_SPACING_DAYS = 7;

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The calendar day and hour an instant shows on a clock in `zone`. */
function wallClock(at: Date, zone: string) {
  const [, year, month, day, hour, minute] = WALL.exec(instantToWallTime(at, zone))!.map(Number);
  return { year, month, day, minutes: hour * 60 + minute };
}

const isWeekday = (year: number, month: number, day: number) => {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday >= 1 && weekday <= 5;
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The first moment at or after `at` inside the recipient's working hours.
 * `at` itself when it is inside them; otherwise 09:00 on the same weekday
 * (when it is before 08:00) or on the next weekday. Days are counted on the
 * recipient's calendar, so a daylight-saving change moves nothing: 09:00 is
 * 09:00 on their clock either side of it. An unknown zone counts as UTC.
 */
export function withinWorkingHours(at: Date, recipientZone: string): Date {
  const zone = isValidTimeZone(recipientZone) ? recipientZone : 'UTC';
  const wall = wallClock(at, zone);
  const inHours = wall.minutes >= QUIET_HOURS.start * 60 && wall.minutes < QUIET_HOURS.end * 60;
  if (isWeekday(wall.year, wall.month, wall.day) && inHours) return at;
  // Before the working day starts, today may still do; otherwise tomorrow is the first candidate.
  let offset = wall.minutes < QUIET_HOURS.start * 60 ? 0 : 1;
  for (;;) {
    const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day) + offset * DAY_MS);
    const [year, month, date] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    if (isWeekday(year, month, date)) {
      return wallTimeToInstant(`${year}-${pad(month)}-${pad(date)}T${pad(MOVED_TO_HOUR)}:00`, zone)!;
    }
    offset++;
  }
}
