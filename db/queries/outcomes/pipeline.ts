import 'server-only';
import { sql } from 'drizzle-orm';
import type { ApplicationStage } from '@/lib/pipeline/stages';
import { fromStart, type OutcomeScope } from './scope';
import { rowsOf } from '@/db/rows';

/** The path forward, in order; an application counts at every step up to the furthest it reached. */
export const FUNNEL_STEPS = ['applied', 'interviewing', 'offer', 'accepted'] as const satisfies ApplicationStage[];

/** Applications not archived, by the stage they are in now (whatever the period). */
export function stagesNowQuery({ userId }: OutcomeScope) {
  return sql`
    select stage, count(*)::int as count
    from applications
    where user_id = ${userId} and not archived
    group by stage`;
}

export async function stagesNow(scope: OutcomeScope) {
  const rows = await rowsOf<{ stage: ApplicationStage; count: number }>(stagesNowQuery(scope));
  return new Map(rows.map((r) => [r.stage, r.count]));
}

/**
 * The funnel over applications added in the period. The furthest step is
 * read from the stage history, so one that went straight from Applied to
 * Offer counts as Interviewing too, and one later rejected still counts at
 * every step it reached; a logged interview means it reached Interviewing.
 * Beside it, the median days from applying (the applied-on date, else the
 * day it moved to Applied) to its first interview.
 */
export function funnelQuery({ userId, since }: OutcomeScope) {
  return sql`
    with apps as (
      select id, applied_on from applications
      where user_id = ${userId} ${fromStart(sql`created_at`, since)}
    ),
    history as (
      select apps.id, apps.applied_on,
        max(case sc.to_stage when 'applied' then 1 when 'interviewing' then 2 when 'offer' then 3 when 'accepted' then 4 else 0 end) as step,
        min(sc.changed_at) filter (where sc.to_stage = 'applied') as applied_at
      from apps left join stage_changes sc on sc.application_id = apps.id and sc.user_id = ${userId}
      group by apps.id, apps.applied_on
    ),
    first_interviews as (
      select i.application_id, min(i.scheduled_at) as first_at
      from interviews i join apps on apps.id = i.application_id
      where i.user_id = ${userId}
      group by i.application_id
    ),
    reached as (
      select greatest(coalesce(h.step, 0), case when f.first_at is null then 0 else 2 end) as step,
        f.first_at::date - coalesce(h.applied_on, h.applied_at::date) as days_to_interview
      from history h left join first_interviews f on f.application_id = h.id
    )
    select
      count(*) filter (where step >= 1)::int as applied,
      count(*) filter (where step >= 2)::int as interviewing,
      count(*) filter (where step >= 3)::int as offer,
      count(*) filter (where step >= 4)::int as accepted,
      count(days_to_interview) filter (where days_to_interview >= 0)::int as timed,
      (percentile_cont(0.5) within group (order by days_to_interview) filter (where days_to_interview >= 0))::float8 as median_days
    from reached`;
}

export async function funnel(scope: OutcomeScope) {
  const [row] = await rowsOf<Record<(typeof FUNNEL_STEPS)[number] | 'timed', number> & { median_days: number | null }>(funnelQuery(scope));
  return {
    steps: FUNNEL_STEPS.map((stage) => ({ stage, count: row[stage] })),
    /** How many applications the median is taken over: those with a known applied date and an interview on or after it. */
    timed: row.timed,
    medianDaysToInterview: row.median_days === null ? null : Number(row.median_days),
  };
}

export type Funnel = Awaited<ReturnType<typeof funnel>>;
