/**
 * The dashboard's large account on PostgreSQL: the large account of
 * bench/seed-large-account.ts at 10,000 applications and 30,000 contacts,
 * topped up to 20,000 interviews, with 50,000 letters (one recipient each)
 * and 200,000 letter events, for each of two people; the second person's
 * rows must never show on the first one's dashboard.
 *
 *   DATABASE_URL=postgres://…/afterword_bench npx tsx bench/seed-dashboard.ts
 *
 * BENCH_APPLICATIONS seeds another size, everything else in proportion
 * (`dashboardScale`; bench/growth.ts seeds 1,000 to 100,000). Prints the
 * session cookie. Every row comes from generate_series, so the
 * whole account is written in well under a minute.
 */
import postgres from 'postgres';
import { BENCH_EMAIL, BENCH_SESSION, migrateBenchDatabase, seedLargeAccount } from './seed-large-account';

export type DashboardScale = { applications: number; contacts: number; interviews: number; letters: number; eventsPerLetter: number };

/** The account in proportion to its applications: 3 contacts, 2 interviews and 5 letters (of 4 events each) an application. */
export function dashboardScale(applications: number): DashboardScale {
  return { applications, contacts: applications * 3, interviews: applications * 2, letters: applications * 5, eventsPerLetter: 4 };
}

/** The size the dashboard's benches measure: 10,000 applications. */
export const DASHBOARD_SCALE = dashboardScale(10_000);

const PEOPLE = [BENCH_EMAIL, 'bench-other@afterword.test'];

export async function seedDashboardAccount(url: string, log: (step: string) => void = () => {}, scale: DashboardScale = DASHBOARD_SCALE) {
  // A new database has no tables to remove the last run's people from.
  await migrateBenchDatabase(url);
  await removeBenchPeople(url);
  log('the previous bench rows removed');
  await seedLargeAccount(url, { applications: scale.applications, contacts: scale.contacts });
  log('applications, contacts and history');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      await tx`set local enable_nestloop = off`; // as in seedLargeAccount: no statistics yet for these rows
      for (const email of PEOPLE) {
        const [{ id }] = await tx`select id from users where email = ${email}`;
        await topUpInterviews(tx, id, scale);
        log(`interviews of ${email}`);
        await seedLetters(tx, id, scale);
        log(`letters of ${email}`);
      }
    });
    // As autovacuum would in a live database: statistics, and the visibility map index-only scans need.
    await sql`vacuum analyze`;
  } finally {
    await sql.end();
  }
}

/**
 * Deleting a person cascades to every row they own; with an index on each
 * foreign key's referencing side (migration 0005 added the last two), this
 * takes seconds, not the minutes a scan per deleted interview took.
 */
async function removeBenchPeople(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`delete from users where email in ${sql(PEOPLE)}`;
  } finally {
    await sql.end();
  }
}

/** More interviews, spread over each application's first two months, with the application's people attending. */
async function topUpInterviews(tx: postgres.TransactionSql, userId: string, scale: DashboardScale) {
  const [{ count }] = await tx`select count(*)::int as count from interviews where user_id = ${userId}`;
  const missing = scale.interviews - count;
  if (missing <= 0) return;
  // Totals are counted first so the joins below are equalities on a constant: hash joins, not nested loops.
  const [{ apps }] = await tx`select count(*)::int as apps from applications where user_id = ${userId} and stage <> 'wishlist'`;
  await tx`
    with apps as (select id, created_at, row_number() over (order by id) as n
                  from applications where user_id = ${userId} and stage <> 'wishlist')
    insert into interviews (user_id, application_id, scheduled_at, kind, impression)
    select ${userId}, a.id, a.created_at + (1 + g % 60) * interval '1 day' + (g % 24) * interval '1 hour',
      (array['phone_screen','video','onsite','panel','final'])[1 + g % 5]::interview_kind, 'How carefully the team reviews its work'
    from generate_series(1, ${missing}) g
    join apps a on a.n = 1 + (g * 7919) % ${apps}`;
  await tx`
    insert into interview_attendees (user_id, interview_id, contact_id)
    select ${userId}, i.id, ac.contact_id
    from interviews i join application_contacts ac on ac.application_id = i.application_id
    where i.user_id = ${userId}
    on conflict do nothing`;
}

/**
 * Letters of the three kinds: thank-yous after 3 in 10 interviews (most
 * within the day), after rejections, and follow-ups over two years; every
 * status appears but queued (an old queued letter would wait on a decision,
 * and the sender would be busy turning them so while measuring), 1 in 50 is
 * a test. Each gets its primary contact as
 * recipient and four webhook events.
 */
async function seedLetters(tx: postgres.TransactionSql, userId: string, scale: DashboardScale) {
  const [total] = await tx`
    select (select count(*)::int from interviews where user_id = ${userId}) as interviews,
           (select count(*)::int from applications where user_id = ${userId} and stage = 'rejected') as rejected,
           (select count(*)::int from applications where user_id = ${userId}) as apps`;
  await tx`
    with interviews_n as (select id, application_id, scheduled_at, row_number() over (order by id) as n
                          from interviews where user_id = ${userId}),
         rejected_n as (select id, stage_changed_at, row_number() over (order by id) as n
                        from applications where user_id = ${userId} and stage = 'rejected'),
         apps_n as (select id, row_number() over (order by id) as n from applications where user_id = ${userId}),
         planned as (
           select g,
             case when g % 10 < 3 then 'interview_thanks' when g % 10 = 3 then 'rejection_thanks' else 'follow_up' end::letter_kind as kind
           from generate_series(1, ${scale.letters}) g
         )
    insert into letters (user_id, kind, template_name, application_id, interview_id, group_id, is_test, from_name, reply_to,
                         subject, body, html, text, idempotency_key, status, status_changed_at, sent_at, created_at)
    select ${userId}, p.kind,
      case p.kind when 'interview_thanks' then (case when p.g % 7 = 0 then 'Short thank-you' else 'Thank-you after an interview' end)
                  when 'rejection_thanks' then 'Thank-you after a rejection' else 'Follow-up check-in' end,
      coalesce(i.application_id, r.id, a.id), i.id, gen_random_uuid(), p.g % 50 = 0, 'Bench Person via Afterword', ${BENCH_EMAIL},
      'Thank you', 'Thank you for your time.', '<p>Thank you for your time.</p>', 'Thank you for your time.', gen_random_uuid()::text,
      (array['delivered','delivered','delivered','delivered','delivered','delivered','opened','opened','opened','opened','opened',
             'clicked','clicked','sent','sent','bounced','complained','failed','needs_decision','suppressed'])[1 + (p.g * 13) % 20]::letter_status,
      t.at, t.at, t.at
    from planned p
    left join interviews_n i on p.kind = 'interview_thanks' and i.n = 1 + (p.g * 7) % ${total.interviews}
    left join rejected_n r on p.kind = 'rejection_thanks' and r.n = 1 + p.g % ${total.rejected}
    left join apps_n a on p.kind = 'follow_up' and a.n = 1 + (p.g * 3) % ${total.apps}
    cross join lateral (select coalesce(
      i.scheduled_at + (p.g % 36) * interval '1 hour',
      r.stage_changed_at + (p.g % 10) * interval '1 day',
      now() - (p.g % 730) * interval '1 day' - (p.g % 24) * interval '1 hour') as at) t`;
  await tx`
    insert into letter_recipients (user_id, letter_id, role, contact_id, name, email, created_at)
    select ${userId}, l.id, 'to', c.id, c.name, coalesce(c.email, 'nobody@people.example'), l.created_at
    from letters l
    left join application_contacts ac on ac.application_id = l.application_id and ac.is_primary
    left join contacts c on c.id = ac.contact_id
    where l.user_id = ${userId}`;
  await tx`
    insert into letter_events (svix_id, user_id, letter_id, type, tag_letter_id, occurred_at)
    select 'msg_' || gen_random_uuid(), ${userId}, l.id,
      (array['email.sent','email.delivered','email.opened','email.clicked'])[k], l.id::text, l.created_at + k * interval '1 minute'
    from letters l cross join generate_series(1, ${scale.eventsPerLetter}) k
    where l.user_id = ${userId}`;
  // Each contact's last letter, as db/queries/last-letter.ts keeps it (and migration 0005 first filled it in).
  await tx`
    update contacts c set last_letter_at = last.created_at, last_letter_id = last.letter_id
    from (select distinct on (lr.contact_id) lr.contact_id, lr.created_at, lr.letter_id
          from letter_recipients lr join letters l on l.user_id = lr.user_id and l.id = lr.letter_id
          where lr.user_id = ${userId} and lr.contact_id is not null and not l.is_test
            and l.status not in ('bounced', 'complained', 'failed', 'suppressed', 'needs_decision')
          order by lr.contact_id, lr.created_at desc, lr.id desc) last
    where c.user_id = ${userId} and c.id = last.contact_id`;
}

if (process.argv[1]?.endsWith('seed-dashboard.ts')) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to a PostgreSQL database to seed (the benchmarks run on real Postgres).');
    process.exit(1);
  }
  const started = Date.now();
  const scale = process.env.BENCH_APPLICATIONS ? dashboardScale(Number(process.env.BENCH_APPLICATIONS)) : DASHBOARD_SCALE;
  seedDashboardAccount(url, (step) => console.log(`${((Date.now() - started) / 1000).toFixed(1)} s: ${step}`), scale)
    .then(() => console.log(`Seeded ${BENCH_EMAIL} in ${Date.now() - started} ms. Cookie: authjs.session-token=${BENCH_SESSION}`))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
