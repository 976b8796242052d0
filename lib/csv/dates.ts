/**
 * Dates as spreadsheets and job trackers write them, turned into the
 * YYYY-MM-DD the application forms use. 03/04/2026 means 4 March in the US
 * and 3 April in most other places, so slash dates are read in an order the
 * person can see and change; everything else is unambiguous.
 */

export type DateOrder = 'month-first' | 'day-first';

export const DATE_ORDERS: readonly { id: DateOrder; label: string }[] = [
  { id: 'month-first', label: 'Month first (03/04/2026 is 4 March 2026)' },
  { id: 'day-first', label: 'Day first (03/04/2026 is 3 April 2026)' },
];

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASHED = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?)?$/i;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4})$/i;
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;

export type ParsedDate = { ok: true; date: string } | { ok: false };

function fullYear(year: string): number {
  // Two-digit years in a job search are this century.
  return year.length === 2 ? 2000 + Number(year) : Number(year);
}

function monthFromName(name: string): number | null {
  const lower = name.toLowerCase();
  // "Mar", "Sept" and "March" all name March; "Marx" names nothing.
  const index = MONTHS.findIndex((month) => lower.length >= 3 && month.startsWith(lower));
  return index === -1 ? null : index + 1;
}

function calendarDate(year: number, month: number, day: number): ParsedDate {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real) return { ok: false };
  return { ok: true, date: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** A date as typed, read as YYYY-MM-DD; `{ ok: false }` when it is no date this reads. */
export function parseDate(value: string, order: DateOrder): ParsedDate {
  const text = value.trim();
  let match = ISO.exec(text);
  // An ISO date-time keeps its written date: the day the person applied, wherever they were.
  if (match) return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = SLASHED.exec(text);
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    const [month, day] = order === 'month-first' ? [first, second] : [second, first];
    return calendarDate(fullYear(match[3]), month, day);
  }
  match = DOTTED.exec(text);
  if (match) return calendarDate(fullYear(match[3]), Number(match[2]), Number(match[1]));
  match = DAY_MONTH_NAME.exec(text);
  if (match) {
    const month = monthFromName(match[2]);
    return month ? calendarDate(Number(match[3]), month, Number(match[1])) : { ok: false };
  }
  match = MONTH_NAME_DAY.exec(text);
  if (match) {
    const month = monthFromName(match[1]);
    return month ? calendarDate(Number(match[3]), month, Number(match[2])) : { ok: false };
  }
  return { ok: false };
}

/**
 * Which order a file's slash dates are in, when the file says so itself: a
 * first part above 12 can only be a day, a second part above 12 only a day.
 * `ambiguous` is true when some slash date could be read either way, so the
 * preview should say which order it assumed.
 */
export function detectDateOrder(values: readonly string[]): { order: DateOrder | null; ambiguous: boolean } {
  let dayFirst = false;
  let monthFirst = false;
  let ambiguous = false;
  for (const value of values) {
    const match = SLASHED.exec(value.trim());
    if (!match) continue;
    const [first, second] = [Number(match[1]), Number(match[2])];
    if (first > 12 && second <= 12) dayFirst = true;
    else if (second > 12 && first <= 12) monthFirst = true;
    else if (first !== second) ambiguous = true;
  }
  if (dayFirst === monthFirst) return { order: null, ambiguous: ambiguous || dayFirst };
  return { order: dayFirst ? 'day-first' : 'month-first', ambiguous };
}
