import { instantToWallTime, wallTimeToInstant } from '@/lib/time/zoned-time';

/** The morning digest comes at 08:00 in the person's own time zone unless they choose another time. */
export const DEFAULT_DIGEST_MINUTE = 8 * 60;

/** The last minute of a day a digest can be set for (23:59). */
export const LAST_DIGEST_MINUTE = 24 * 60 - 1;

const pad = (n: number) => String(n).padStart(2, '0');

/** "08:00" for minute 480: the value of a time input. */
export function minuteToTime(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** Minute 480 for "08:00" (or "8:00"), null for anything that is not a time of day. */
export function timeToMinute(time: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** The person's calendar day at an instant, as YYYY-MM-DD: what a digest is sent once for. */
export function localDay(now: Date, zone: string): string {
  return instantToWallTime(now, zone).slice(0, 10);
}

/** The calendar day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * When the digest of a day is due: the chosen minute on that day in the
 * person's zone. A time the clock skips (the spring-forward hour) moves
 * forward, as a wall clock would; in the hour that repeats, the first one.
 */
export function digestTimeOn(day: string, minute: number, zone: string): Date {
  return wallTimeToInstant(`${day}T${minuteToTime(minute)}`, zone) ?? new Date(`${day}T${minuteToTime(minute)}:00Z`);
}

/** The person's day as instants: from its midnight to the next, whatever the clocks did in between. */
export function dayBounds(day: string, zone: string): { start: Date; end: Date } {
  return { start: digestTimeOn(day, 0, zone), end: digestTimeOn(nextDay(day), 0, zone) };
}

/** The day a digest is due for at `now`, or null while today's time has not come yet. */
export function digestDayDue(now: Date, zone: string, minute: number): string | null {
  const day = localDay(now, zone);
  return digestTimeOn(day, minute, zone) <= now ? day : null;
}
