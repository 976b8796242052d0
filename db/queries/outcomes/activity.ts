import 'server-only';
import { sql } from 'drizzle-orm';
import { ACTIVITY_SERIES, ACTIVITY_WEEKS, type ActivitySeries, LETTER_FIGURES } from '@/lib/dashboard/outcome-rules';
import { DAY_MS } from '@/lib/time/days';
import { at, type OutcomeScope, statusIn } from './scope';
import { rowsOf } from '@/db/rows';

const WEEK = 7 * DAY_MS;

/** Monday 00:00 UTC of the week `now` falls in, and the weeks before it: the chart's columns. */
export function activityWeeks(now: Date, weeks = ACTIVITY_WEEKS): Date[] {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monday = day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS;
  return Array.from({ length: weeks }, (_, i) => new Date(monday - (weeks - 1 - i) * WEEK));
}

/**
 * Per week (Monday to Sunday, UTC): applications added, interviews held
 * (up to now) and letters sent. Each count is a range on the person's
 * (user_id, time) index and a GROUP BY; weeks with nothing are filled in here.
 */
export function weeklyActivityQuery({ userId, now }: OutcomeScope) {
  const start = at(activityWeeks(now)[0]);
  // The week's number from the first Monday: plain arithmetic per row, the dates are put back in JS.
  const week = (column: string) => sql`floor(extract(epoch from ${sql.raw(column)} - ${start}) / ${WEEK / 1000})::int`;
  return sql`
    select 'applications' as series, ${week('created_at')} as week, count(*)::int as count
    from applications where user_id = ${userId} and created_at >= ${start} and created_at <= ${at(now)}
    group by 2
    union all
    select 'interviews', ${week('scheduled_at')}, count(*)::int
    from interviews where user_id = ${userId} and scheduled_at >= ${start} and scheduled_at <= ${at(now)}
    group by 2
    union all
    select 'letters', ${week('created_at')}, count(*)::int
    from letters where user_id = ${userId} and created_at >= ${start} and created_at <= ${at(now)}
      and not is_test and ${statusIn(sql`status`, LETTER_FIGURES.sent)}
    group by 2`;
}

export async function weeklyActivity(scope: OutcomeScope) {
  const rows = await rowsOf<{ series: ActivitySeries; week: number; count: number }>(weeklyActivityQuery(scope));
  const count = new Map(rows.map((r) => [`${r.series} ${r.week}`, r.count]));
  return activityWeeks(scope.now).map((start, i) => ({
    week: start.toISOString().slice(0, 10),
    ...(Object.fromEntries(ACTIVITY_SERIES.map((s) => [s, count.get(`${s} ${i}`) ?? 0])) as Record<ActivitySeries, number>),
  }));
}

export type WeeklyActivity = Awaited<ReturnType<typeof weeklyActivity>>;
