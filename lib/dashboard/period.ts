import { daysBefore } from '@/lib/time/days';
/**
 * The span the dashboard's outcomes cover, kept in the URL (`?period=90`) so
 * a chosen view can be bookmarked and shared between tabs.
 */
export const PERIODS = [
  { id: '30', label: '30 days', days: 30 },
  { id: '90', label: '90 days', days: 90 },
  { id: '365', label: '365 days', days: 365 },
  { id: 'all', label: 'All time', days: null },
] as const;

export type Period = (typeof PERIODS)[number]['id'];

export const DEFAULT_PERIOD: Period = '90';

/** Whatever came in the URL: an unknown or repeated value falls back to the default, never an error. */
export function parsePeriod(raw: string | string[] | undefined | null): Period {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return PERIODS.find((p) => p.id === value)?.id ?? DEFAULT_PERIOD;
}

export function periodDays(period: Period): number | null {
  return PERIODS.find((p) => p.id === period)?.days ?? null;
}

/** The start of the period, or null for all time. */
export function periodStart(period: Period, now: Date): Date | null {
  const days = periodDays(period);
  return days === null ? null : daysBefore(now, days);
}

/** "in the last 90 days" / "of all time", for sentences that state what a figure covers. */
export function periodPhrase(period: Period): string {
  const days = periodDays(period);
  return days === null ? 'of all time' : `in the last ${days} days`;
}
