import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { OUTCOME_WAIT_DAYS, REACHED_STATUSES, REPLY_WITHIN_DAYS, THANKS_WITHIN_HOURS } from '@/lib/dashboard/outcome-rules';
import { daysBefore } from '@/lib/time/days';
import { at, fromStart, type OutcomeScope, statusIn } from './scope';
import { rowsOf } from '@/db/rows';

/** How many in a group, and how many of them led somewhere. */
export type Share = { total: number; hits: number };

const waited = (now: Date) => at(daysBefore(now, OUTCOME_WAIT_DAYS));

/** Both groups' sizes and hits from rows that have a `thanked` flag and a `hit` column. */
const splitByThanks = (rows: SQL, hit: SQL) => sql`
    select
      count(*) filter (where thanked)::int as thanked_total,
      count(*) filter (where thanked and ${hit})::int as thanked_hits,
      count(*) filter (where not thanked)::int as unthanked_total,
      count(*) filter (where not thanked and ${hit})::int as unthanked_hits
    from ${rows}`;

/**
 * Interviews in the period, held at least OUTCOME_WAIT_DAYS ago, split by
 * whether a thank-you for that interview reached someone in the
 * THANKS_WITHIN_HOURS after it; a hit is a later interview on the same
 * application, or a move to Offer or Accepted after it. Thank-yous, later
 * interviews and offers are each read once, by a range on the person's
 * (user_id, time) index, and joined: no lookup per interview.
 */
export function interviewPayoffQuery({ userId, since, now }: OutcomeScope) {
  const within = sql.raw(`interval '${THANKS_WITHIN_HOURS} hours'`);
  // `considered` is read twice, which would materialize it; inlined, the planner keeps the interviews'
  // statistics, where a materialized CTE's guesses inflate the joins' cost past the JIT threshold.
  return sql`
    with considered as not materialized (
      select id, application_id, scheduled_at from interviews
      where user_id = ${userId} and scheduled_at <= ${waited(now)} ${fromStart(sql`scheduled_at`, since)}
    ),
    thanked as (
      select distinct l.interview_id from letters l
      join considered c on c.id = l.interview_id
      where l.user_id = ${userId} and l.kind = 'interview_thanks' and not l.is_test and ${statusIn(sql`l.status`, REACHED_STATUSES)}
        and l.created_at between c.scheduled_at and c.scheduled_at + ${within}
        /* Implied by the line above; written out so the letters are found by a range on (user_id, created_at). */
        and l.created_at <= ${waited(now)}::timestamptz + ${within} ${fromStart(sql`l.created_at`, since)}
    ),
    later_interviews as (
      select application_id, max(scheduled_at) as last_at from interviews
      where user_id = ${userId} ${fromStart(sql`scheduled_at`, since)}
      group by application_id
    ),
    later_offers as (
      select application_id, max(changed_at) as last_at from stage_changes
      where user_id = ${userId} and to_stage in ('offer', 'accepted') ${fromStart(sql`changed_at`, since)}
      group by application_id
    ),
    outcomes as (
      select t.interview_id is not null as thanked,
        coalesce(li.last_at > c.scheduled_at, false) or coalesce(lo.last_at > c.scheduled_at, false) as moved_on
      from considered c
      left join thanked t on t.interview_id = c.id
      left join later_interviews li on li.application_id = c.application_id
      left join later_offers lo on lo.application_id = c.application_id
    )
    ${splitByThanks(sql`outcomes`, sql`moved_on`)}`;
}

/**
 * Applications rejected in the period, at least OUTCOME_WAIT_DAYS ago, split
 * by whether a rejection thank-you written after the rejection reached
 * someone (a range on letters (application_id, created_at)); a hit is an
 * interview at the same company, on another application, after the letter
 * (or, with no letter, after the rejection).
 */
export function rejectionPayoffQuery({ userId, since, now }: OutcomeScope) {
  return sql`
    with rejections as (
      select application_id, min(changed_at) as rejected_at
      from stage_changes
      where user_id = ${userId} and to_stage = 'rejected' and changed_at <= ${waited(now)} ${fromStart(sql`changed_at`, since)}
      group by application_id
    ),
    /* Materialized here and below: an inlined CTE repeats its subqueries in every FILTER that reads it. */
    answered as materialized (
      select r.application_id, a.company_id,
        (select min(l.created_at) from letters l
         where l.user_id = ${userId} and l.application_id = r.application_id and l.created_at >= r.rejected_at
           and l.kind = 'rejection_thanks' and not l.is_test and ${statusIn(sql`l.status`, REACHED_STATUSES)}) as thanked_at,
        r.rejected_at
      from rejections r join applications a on a.user_id = ${userId} and a.id = r.application_id
    ),
    outcomes as materialized (
      select thanked_at is not null as thanked,
        exists (
          select 1 from applications other join interviews i on i.application_id = other.id and i.user_id = ${userId}
          where other.user_id = ${userId} and other.company_id = answered.company_id and other.id <> answered.application_id
            and i.scheduled_at > coalesce(answered.thanked_at, answered.rejected_at)
        ) as interviewed_again
      from answered
    )
    ${splitByThanks(sql`outcomes`, sql`interviewed_again`)}`;
}

/**
 * Interview thank-yous written in the period that reached someone (sent,
 * not bounced: as the thank-yous above), and of them those a real reply
 * answered within REPLY_WITHIN_DAYS of the letter leaving (its sent_at, else
 * when it was written, as the Replies list dates it). Letters that left in
 * the last OUTCOME_WAIT_DAYS are left out, as everything on this card: their
 * window may still be open. The letters are a range on (user_id, status,
 * created_at); each one's replies a range on replies (letter_id,
 * received_at), the window in the index condition.
 */
export function thanksRepliesQuery({ userId, since, now }: OutcomeScope) {
  const within = sql.raw(`interval '${REPLY_WITHIN_DAYS} days'`);
  return sql`
    select count(*)::int as total,
      count(*) filter (where exists (
        select 1 from replies r
        where r.letter_id = l.id and r.received_at <= coalesce(l.sent_at, l.created_at) + ${within}
          and r.user_id = ${userId} and r.kind = 'reply'
      ))::int as hits
    from letters l
    where l.user_id = ${userId} and l.kind = 'interview_thanks' and not l.is_test and ${statusIn(sql`l.status`, REACHED_STATUSES)}
      and coalesce(l.sent_at, l.created_at) <= ${waited(now)}
      /* Implied by the line above (a letter leaves after it is written); written out for the index's range. */
      and l.created_at <= ${waited(now)} ${fromStart(sql`l.created_at`, since)}`;
}

export async function thanksReplies(scope: OutcomeScope): Promise<Share> {
  const [row] = await rowsOf<Share>(thanksRepliesQuery(scope));
  return { total: row.total, hits: row.hits };
}

type PayoffRow = { thanked_total: number; thanked_hits: number; unthanked_total: number; unthanked_hits: number };

const split = (row: PayoffRow) => ({
  thanked: { total: row.thanked_total, hits: row.thanked_hits },
  unthanked: { total: row.unthanked_total, hits: row.unthanked_hits },
});

export async function interviewPayoff(scope: OutcomeScope) {
  const [row] = await rowsOf<PayoffRow>(interviewPayoffQuery(scope));
  return split(row);
}

export async function rejectionPayoff(scope: OutcomeScope) {
  const [row] = await rowsOf<PayoffRow>(rejectionPayoffQuery(scope));
  return split(row);
}

export type Payoff = Awaited<ReturnType<typeof interviewPayoff>>;
