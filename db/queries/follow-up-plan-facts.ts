import 'server-only';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/executor';
import { db } from '@/db';
import { followUpPlans } from '@/db/schema';
import { at } from '@/db/queries/outcomes/scope';
import { rowsOf } from '@/db/rows';
import { DEFAULT_PLANS, type FollowUpMode, type FollowUpPlanKind, type PlanSettings } from '@/lib/follow-ups/plans';
import { FOLLOW_UP_SPACING_DAYS } from '@/lib/follow-ups/quiet-hours';
import { PLAN_STAGES, type PlanFacts, STEP_LAPSES_AFTER_DAYS, STOPPED_WITH_PLAN } from '@/lib/follow-ups/rules';
import { FINAL_STATUSES } from '@/lib/letters/status';
import type { ApplicationStage } from '@/lib/pipeline/stages';
import { DAY_MS } from '@/lib/time/days';

/*
 * The facts a follow-up plan's next step is decided from (lib/follow-ups/rules.ts),
 * read in one statement for all three plans. The application page reads them
 * for one application and lets the rule decide; the dashboard and the
 * automatic job ask the same statement for the steps already due, which it
 * then decides itself, in SQL, so only due rows leave the database.
 */

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const LOST = list(FINAL_STATUSES);

/** One application's plans, whatever their state; or the plans that may have a step due by `before`. */
type Filter = { applicationId: string } | { since: Record<FollowUpPlanKind, Date> };

/**
 * How far back, in days, a plan's start can be and still have a step due
 * that has not lapsed: the longest of the built-in plan and the person's own
 * settings for it (defaults and applications alike), every step taken late,
 * plus the spacing between follow-ups. The listing then reads only recent
 * starts, by index; a small statement of its own, so the planner sees the
 * bound as a value.
 */
async function planReach(tx: Executor, userId: string): Promise<Record<FollowUpPlanKind, number>> {
  const longest = (first: number, repeat: number, max: number) => first + (max - 1) * (repeat + STEP_LAPSES_AFTER_DAYS);
  const rows = await tx
    .select({
      plan: followUpPlans.plan,
      days: sql<number>`max(${followUpPlans.firstWaitDays} + (${followUpPlans.maxLetters} - 1) * (${followUpPlans.repeatEveryDays} + ${sql.raw(String(STEP_LAPSES_AFTER_DAYS))}))`.mapWith(
        Number,
      ),
    })
    .from(followUpPlans)
    .where(eq(followUpPlans.userId, userId))
    .groupBy(followUpPlans.plan);
  const own = new Map(rows.map((r) => [r.plan, r.days]));
  const slack = STEP_LAPSES_AFTER_DAYS + FOLLOW_UP_SPACING_DAYS;
  return Object.fromEntries(
    Object.entries(DEFAULT_PLANS).map(([plan, p]) => [
      plan,
      Math.max(longest(p.firstWaitDays, p.repeatEveryDays, p.maxLetters), own.get(plan as FollowUpPlanKind) ?? 0) + slack,
    ]),
  ) as Record<FollowUpPlanKind, number>;
}

/**
 * Each application's start of each plan, with who its letters go to. For a
 * listing, only the applications where the plan runs and started recently
 * enough, each read by index from where its start is kept.
 */
function planStarts(userId: string, filter: Filter) {
  const listing = 'since' in filter;
  const apps = (plan: FollowUpPlanKind) =>
    listing
      ? sql`a.user_id = ${userId} and not a.archived and a.stage in (${list(PLAN_STAGES[plan])})`
      : sql`a.user_id = ${userId} and a.id = ${filter.applicationId}`;
  // After applying and after a rejection start when the application moved to that stage (or the applied-on date).
  const movedSince = (plan: FollowUpPlanKind) => (listing ? sql`and a.stage_changed_at >= ${at(filter.since[plan])}` : sql``);
  const primary = sql`(select ac.contact_id from application_contacts ac
      where ac.user_id = ${userId} and ac.application_id = a.id and ac.is_primary limit 1)`;
  const lastMoveTo = (stage: ApplicationStage) => sql`(select max(sc.changed_at) from stage_changes sc
      where sc.user_id = ${userId} and sc.application_id = a.id and sc.to_stage = ${stage})`;
  // The last thank-you after an interview that went: the check-in goes to its To.
  const thanks = sql`from letters l where l.user_id = ${userId} and l.kind = 'interview_thanks'
      and not l.is_test and l.sent_at is not null and l.status not in (${LOST})`;
  const toOf = (letterId: SQL) => sql`(select r.contact_id from letter_recipients r
      where r.user_id = ${userId} and r.letter_id = ${letterId} and r.role = 'to' limit 1)`;
  const afterThanks = listing
    ? sql`select a.id, 'after_thanks'::follow_up_plan, a.stage, a.archived, a.position, a.company_id, t.sent_at, ${toOf(sql`t.id`)}
      from (select distinct on (l.application_id) l.id, l.application_id, l.sent_at ${thanks}
        and l.created_at >= ${at(filter.since.after_thanks)} order by l.application_id, l.sent_at desc) t
      join applications a on ${apps('after_thanks')} and a.id = t.application_id`
    : sql`select a.id, 'after_thanks'::follow_up_plan, a.stage, a.archived, a.position, a.company_id, t.sent_at, ${toOf(sql`t.id`)}
      from applications a
      left join lateral (select l.id, l.sent_at ${thanks} and l.application_id = a.id order by l.sent_at desc limit 1) t on true
      where ${apps('after_thanks')}`;
  return sql`
    select a.id as application_id, 'after_applying'::follow_up_plan as plan, a.stage, a.archived, a.position, a.company_id,
      coalesce(a.applied_on::timestamp at time zone 'UTC', ${lastMoveTo('applied')}) as started_at,
      ${primary} as contact_id
    from applications a where ${apps('after_applying')} ${movedSince('after_applying')}
    union all
    ${afterThanks}
    union all
    select a.id, 'after_rejection'::follow_up_plan, a.stage, a.archived, a.position, a.company_id, ${lastMoveTo('rejected')}, ${primary}
    from applications a where ${apps('after_rejection')} ${movedSince('after_rejection')}`;
}

const setting = (column: string, plan: SQL, pick: (p: PlanSettings) => number) =>
  sql`coalesce(o.${sql.raw(column)}, d.${sql.raw(column)}, case ${plan} ${sql.raw(
    Object.entries(DEFAULT_PLANS)
      .map(([kind, p]) => `when '${kind}' then ${pick(p)}`)
      .join(' '),
  )} end)`;

/** Every fact of each plan, and when its next step is due (null when there is none to take). */
function planFactsQuery(userId: string, filter: Filter) {
  const plan = sql`p.plan`;
  return sql`
    select p.application_id, p.plan, p.stage, p.archived, p.started_at, p.contact_id, p.position,
      (select co.name from companies co where co.user_id = ${userId} and co.id = p.company_id) as company,
      coalesce(o.mode, d.mode, 'ask') as mode,
      ${setting('first_wait_days', plan, (s) => s.firstWaitDays)} as first_wait_days,
      ${setting('repeat_every_days', plan, (s) => s.repeatEveryDays)} as repeat_every_days,
      ${setting('max_letters', plan, (s) => s.maxLetters)} as max_letters,
      o.stopped_at, c.replied_at, c.email as contact_email,
      exists (select 1 from flagged_addresses fa where fa.user_id = ${userId} and fa.email = lower(c.email)) as flagged,
      exists (select 1 from interviews i where i.user_id = ${userId} and i.application_id = p.application_id
        and i.scheduled_at > p.started_at) as later_interview,
      w.written, w.last_letter_at, f.last_follow_up_at,
      coalesce((select i.time_zone from interviews i where i.user_id = ${userId} and i.application_id = p.application_id
        order by i.scheduled_at desc limit 1), (select u.time_zone from users u where u.id = ${userId})) as recipient_zone
    from (${planStarts(userId, filter)}) p
    left join follow_up_plans o on o.user_id = ${userId} and o.application_id = p.application_id and o.plan = p.plan
    left join follow_up_plans d on d.user_id = ${userId} and d.application_id is null and d.plan = p.plan
    left join contacts c on c.user_id = ${userId} and c.id = p.contact_id
    -- A step is taken by the plan's letter for it. One lost or undone gives it back when it was a click (Ask);
    -- an automatic one only when its plan stopped (STOPPED_WITH_PLAN), so one the person cancelled is not written again.
    cross join lateral (
      select count(*)::int as written, max(coalesce(l.sent_at, l.scheduled_for, l.created_at)) as last_letter_at
      from letters l
      where l.user_id = ${userId} and l.application_id = p.application_id and l.plan = p.plan and not l.is_test
        and (l.status not in (${LOST}) or (l.automatic and not (l.status = 'cancelled' and coalesce(l.last_error, '') = ${STOPPED_WITH_PLAN})))
    ) w
    -- Never two follow-ups to one person within a week: the last one to them, sent or scheduled, from anywhere.
    cross join lateral (
      select max(coalesce(l.sent_at, l.scheduled_for, l.created_at)) as last_follow_up_at
      from letter_recipients r join letters l on l.user_id = ${userId} and l.id = r.letter_id
      where r.user_id = ${userId} and r.contact_id = p.contact_id
        and l.kind in ('follow_up', 'feedback_request') and not l.is_test and l.status not in (${LOST})
    ) f`;
}

/** The due time of a row of planFactsQuery, as lib/follow-ups/rules.ts nextPlanStep computes it. */
/** When the plan's next step falls due by its own waits, before the spacing between follow-ups. */
const planned = sql`case when written = 0 or last_letter_at is null then started_at + first_wait_days * interval '1 day'
    else last_letter_at + repeat_every_days * interval '1 day' end`;
const dueAt = sql`greatest(${planned}, last_follow_up_at + interval '${sql.raw(String(FOLLOW_UP_SPACING_DAYS))} days')`;

/** What nextPlanStep checks before a step is due, said in SQL: the plan runs, has a step left and someone to write to. */
const stepToTake = sql`mode <> 'off' and started_at is not null and stopped_at is null
  and (replied_at is null or replied_at <= started_at)
  and (plan = 'after_rejection' or not later_interview)
  and not flagged and written < max_letters and contact_id is not null`;

type Raw = {
  application_id: string;
  position: string;
  company: string;
  plan: FollowUpPlanKind;
  stage: ApplicationStage;
  archived: boolean;
  started_at: Date | string | null;
  contact_id: string | null;
  contact_email: string | null;
  mode: FollowUpMode;
  first_wait_days: number;
  repeat_every_days: number;
  max_letters: number;
  stopped_at: Date | string | null;
  replied_at: Date | string | null;
  flagged: boolean;
  later_interview: boolean;
  written: number;
  last_letter_at: Date | string | null;
  last_follow_up_at: Date | string | null;
  recipient_zone: string;
};

const date = (value: Date | string | null) => (value === null ? null : new Date(value));

export type PlanRow = {
  applicationId: string;
  position: string;
  company: string;
  plan: FollowUpPlanKind;
  settings: PlanSettings;
  facts: PlanFacts;
  contactEmail: string | null;
  /** The latest interview's zone, else the person's own: where "a good hour" is measured. */
  recipientZone: string;
};

function planRow(raw: Raw): PlanRow {
  return {
    applicationId: raw.application_id,
    position: raw.position,
    company: raw.company,
    plan: raw.plan,
    settings: {
      mode: raw.mode,
      firstWaitDays: Number(raw.first_wait_days),
      repeatEveryDays: Number(raw.repeat_every_days),
      maxLetters: Number(raw.max_letters),
    },
    facts: {
      stage: raw.stage,
      archived: raw.archived,
      startedAt: date(raw.started_at),
      stoppedAt: date(raw.stopped_at),
      contactId: raw.contact_id,
      repliedAt: date(raw.replied_at),
      laterInterview: raw.later_interview,
      flagged: raw.flagged,
      written: Number(raw.written),
      lastLetterAt: date(raw.last_letter_at),
      lastFollowUpAt: date(raw.last_follow_up_at),
    },
    contactEmail: raw.contact_email,
    recipientZone: raw.recipient_zone,
  };
}

/** The three plans of one application, whatever their state; none when the application is not the person's. */
export async function applicationPlanFacts(userId: string, applicationId: string, tx: Executor = db): Promise<PlanRow[]> {
  const rows = await rowsOf<Raw>(planFactsQuery(userId, { applicationId }), tx);
  return rows.map(planRow);
}

export type DuePlanStep = PlanRow & { step: number; dueAt: Date };

/**
 * The person's plan steps in one mode that are due by `before`, and were not
 * dismissed on the dashboard since they came due. Newest due first, as What
 * is due lists them, or oldest first for the automatic job; with how many
 * there are, counted up to `countCap`.
 */
export async function duePlanSteps(
  userId: string,
  options: { mode: Exclude<FollowUpMode, 'off'>; before: Date; now: Date; limit: number; countCap: number; oldestFirst?: boolean },
  tx: Executor = db,
): Promise<{ rows: DuePlanStep[]; total: number }> {
  const reach = await planReach(tx, userId);
  const since = Object.fromEntries(
    Object.entries(reach).map(([plan, days]) => [plan, new Date(options.before.getTime() - days * DAY_MS)]),
  ) as Record<FollowUpPlanKind, Date>;
  const order = options.oldestFirst ? sql`due_at asc, application_id, plan` : sql`due_at desc, application_id, plan`;
  const rows = await rowsOf<Raw & { due_at: Date | string; total: number }>(
    sql`
      select *, count(*) over () as total from (
        select facts.*, ${dueAt} as due_at from (${planFactsQuery(userId, { since })}) facts
        -- The spacing only ever moves a step later: steps not due by their own waits are left before it is looked up.
        where mode = ${options.mode} and ${stepToTake} and ${planned} <= ${at(options.before)}
      ) due
      where due_at <= ${at(options.before)}
        and due_at >= ${at(options.now)} - interval '${sql.raw(String(STEP_LAPSES_AFTER_DAYS))} days'
        and not exists (select 1 from dashboard_dismissals dd
          where dd.user_id = ${userId} and dd.kind = 'plan_follow_up' and dd.subject_id = due.application_id
            and dd.dismissed_at >= due.due_at and (dd.until is null or dd.until > ${at(options.now)}))
      order by ${order}
      limit ${options.countCap}`,
    tx,
  );
  const shown = rows
    .slice(0, options.limit)
    .map((raw) => ({ ...planRow(raw), step: Number(raw.written) + 1, dueAt: new Date(raw.due_at) }));
  return { rows: shown, total: Number(rows[0]?.total ?? 0) };
}
