/**
 * Wall-clock times in a named time zone. An interview is entered as the time
 * on the invitation ("14:30, Berlin") and shown back that way, wherever the
 * server or the reader happens to be. Only Intl is used, on the server and in
 * the browser alike.
 */

/**
 * Formatters made once per zone and kept. Making an Intl.DateTimeFormat loads
 * the zone's rules and is slow (on a phone, milliseconds each), and every time
 * shown made two, checking the zone and formatting: on a letter's page that was
 * the largest part of the browser's own script work while the page came to life.
 * What is kept is bounded: past a few hundred entries (more than the zones a
 * runtime knows) it starts afresh, so odd zone names typed into a form cannot
 * grow it without end.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const KEPT_FORMATTERS = 1_000;

function formatter(kind: string, zone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  const key = `${kind} ${zone}`;
  let format = formatters.get(key);
  if (!format) {
    if (formatters.size >= KEPT_FORMATTERS) formatters.clear();
    format = make();
    formatters.set(key, format);
  }
  return format;
}

/** True for an IANA zone this runtime knows (e.g. "Europe/Berlin", "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    // Throws for a zone it does not know; a known one is kept for the next check.
    formatter('zone', zone, () => new Intl.DateTimeFormat('en-US', { timeZone: zone }));
    return true;
  } catch {
    return false;
  }
}

/** Every zone a person can choose, with UTC, which Intl's list leaves out. */
export function timeZoneChoices(include?: string | null): string[] {
  const zones = ['UTC', ...Intl.supportedValuesOf('timeZone')];
  // A browser may report an alias (e.g. "Asia/Calcutta") that is not in the canonical list.
  if (include && !zones.includes(include) && isValidTimeZone(include)) zones.push(include);
  return zones;
}

const partsFormat = (zone: string) =>
  formatter('parts', zone, () =>
    new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    }),
  );

function wallParts(instant: number, zone: string) {
  const parts = partsFormat(zone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(instant: number, zone: string): number {
  const p = wallParts(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a datetime-local value ("2026-03-14T14:30") names in a zone, or
 * null when it is not a real calendar time. In the hour a clock skips, the
 * time moves forward, as a wall clock would.
 */
export function wallTimeToInstant(local: string, zone: string): Date | null {
  const match = WALL_TIME.exec(local);
  if (!match || !isValidTimeZone(zone)) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((v) => Number(v ?? 0));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(wall).getUTCDate() !== day) return null;
  // The offset depends on the instant we are looking for; a second pass settles the daylight-saving edges.
  const guess = wall - zoneOffset(wall, zone);
  return new Date(wall - zoneOffset(guess, zone));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as a datetime-local value in a zone, to put back in a form. */
export function instantToWallTime(instant: Date, zone: string): string {
  const p = wallParts(instant.getTime(), isValidTimeZone(zone) ? zone : 'UTC');
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** "Sat, Mar 14, 2026, 2:30 PM GMT+1": the interview's time as it was on the invitation. */
export function formatDateTimeInZone(instant: Date, zone: string): string {
  const shown = isValidTimeZone(zone) ? zone : 'UTC';
  return formatter('shown', shown, () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone: shown,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }),
  ).format(instant);
}

/** "Mar 14, 2026" for a calendar date stored as YYYY-MM-DD. */
export function formatCalendarDate(date: string): string {
  return formatter('date', 'UTC', () => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' })).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** False for a wall time the zone's clocks skip (the hour lost to daylight saving), or one that is not a time at all. */
export function wallTimeExists(local: string, zone: string): boolean {
  const instant = wallTimeToInstant(local, zone);
  return instant !== null && instantToWallTime(instant, zone) === local.slice(0, 16);
}

/** The calendar date ("2026-03-14") an instant falls on in a zone. */
export function calendarDateInZone(instant: Date, zone: string): string {
  return instantToWallTime(instant, zone).slice(0, 10);
}

/** The calendar date `days` after a YYYY-MM-DD date. */
export function addCalendarDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
