/**
 * Seeds a large account on PostgreSQL for benchmarks: a person with years of
 * job search (5,000 applications, 20,000 contacts, interviews, history and
 * activity), plus a second person whose rows must never show.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/seed-large-account.ts
 *
 * Prints the session token to send as the `authjs.session-token` cookie.
 * Uses generate_series so the whole account is written in a few seconds.
 */
import postgres from 'postgres';
import { openDatabase } from '@/db/open';
import { migrateDatabase } from '@/db/migrate';

export const BENCH_EMAIL = 'bench@afterword.test';
export const BENCH_SESSION = 'bench-session-token-large-account';

/** Brings a bench database, new or old, up to the latest migration. */
export async function migrateBenchDatabase(url: string) {
  const handle = openDatabase({ kind: 'postgres', url, max: 1 });
  await migrateDatabase(handle);
  await handle.close();
}

export async function seedLargeAccount(url: string, scale = { applications: 5000, contacts: 20000 }) {
  await migrateBenchDatabase(url);

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      // Rows written in this transaction have no statistics yet: the planner would guess a few
      // and join the numbered rows below by nested loops, minutes at 10,000 applications.
      await tx`set local enable_nestloop = off`;
      await tx`delete from users where email in (${BENCH_EMAIL}, 'bench-other@afterword.test')`;
      for (const [email, token] of [
        [BENCH_EMAIL, BENCH_SESSION],
        ['bench-other@afterword.test', 'bench-session-token-other'],
      ] as const) {
        const [{ id }] = await tx`
          insert into users (id, email, name, signature, email_verified) values (gen_random_uuid()::text, ${email}, 'Bench Person', 'Best,\nBench', now())
          returning id`;
        await tx`insert into sessions (session_token, user_id, expires) values (${token}, ${id}, now() + interval '30 days')`;
        await seedRows(tx, id, scale);
      }
    });
    // VACUUM as well: rows written in bulk after the trigram indexes exist wait in each GIN index's
    // pending list, which every search would read through until autovacuum comes by.
    await sql`vacuum analyze`;
  } finally {
    await sql.end();
  }
}

async function seedRows(tx: postgres.TransactionSql, userId: string, scale: { applications: number; contacts: number }) {
  const companies = Math.ceil(scale.applications / 2.5);
  await tx`
    insert into companies (user_id, name, website)
    select ${userId}, 'Company ' || g, 'https://company' || g || '.example'
    from generate_series(1, ${companies}) g`;
  await tx`
    insert into applications (user_id, company_id, position, stage, applied_on, archived, stage_changed_at, last_activity_at, created_at, updated_at)
    select ${userId}, c.id,
      (array['Engineer','Designer','Analyst','Product Manager','Data Scientist'])[1 + g % 5] || ' ' || g,
      (array['wishlist','applied','applied','interviewing','offer','accepted','rejected','rejected','withdrawn','declined','ghosted'])[1 + g % 11]::application_stage,
      (current_date - (g % 700))::date, g % 17 = 0,
      now() - (g % 700) * interval '1 day', now() - (g % 600) * interval '1 day',
      now() - (g % 700) * interval '1 day', now() - (g % 650) * interval '1 day'
    from generate_series(1, ${scale.applications}) g
    join (select id, row_number() over (order by id) as n from companies where user_id = ${userId}) c
      on c.n = 1 + g % ${companies}`;
  await tx`
    insert into contacts (user_id, name, email, title, company_id)
    select ${userId}, (array['Ada','Grace','Alan','Edsger','Barbara','Ken','Radia','Donald'])[1 + g % 8] || ' Person' || g,
      'contact' || g || '@people.example', 'Title ' || (g % 40), c.id
    from generate_series(1, ${scale.contacts}) g
    join (select id, row_number() over (order by id) as n from companies where user_id = ${userId}) c
      on c.n = 1 + g % ${companies}`;
  // Three people per application, the first of them primary.
  await tx`
    with apps as (select id, row_number() over (order by id) as n from applications where user_id = ${userId}),
         people as (select id, row_number() over (order by id) as n from contacts where user_id = ${userId})
    insert into application_contacts (user_id, application_id, contact_id, role, is_primary)
    select ${userId}, a.id, p.id, (array['interviewer','recruiter','hiring_manager'])[k]::contact_role, k = 1
    from apps a cross join generate_series(1, 3) k
    join people p on p.n = 1 + ((a.n * 3 + k) % ${scale.contacts})
    on conflict do nothing`;
  await tx`
    insert into stage_changes (user_id, application_id, from_stage, to_stage, changed_at)
    select ${userId}, id, null::application_stage, 'wishlist'::application_stage, created_at from applications where user_id = ${userId}
    union all
    select ${userId}, id, 'wishlist'::application_stage, stage, stage_changed_at from applications where user_id = ${userId} and stage <> 'wishlist'`;
  await tx`
    insert into interviews (user_id, application_id, scheduled_at, kind, impression)
    select ${userId}, id, stage_changed_at + interval '3 days',
      (array['phone_screen','video','onsite','panel','final'])[1 + (extract(epoch from created_at)::bigint % 5)]::interview_kind,
      'The team cared about the craft'
    from applications a, generate_series(1, 2) k
    where user_id = ${userId} and stage in ('interviewing','offer','accepted','rejected','declined')`;
  await tx`
    insert into interview_attendees (user_id, interview_id, contact_id)
    select ${userId}, i.id, ac.contact_id
    from interviews i join application_contacts ac on ac.application_id = i.application_id
    where i.user_id = ${userId}`;
  await tx`
    insert into activities (user_id, kind, application_id, detail, occurred_at)
    select ${userId}, 'application_created'::activity_kind, id, jsonb_build_object('position', position), created_at
    from applications where user_id = ${userId}
    union all
    select ${userId}, 'stage_changed'::activity_kind, application_id, jsonb_build_object('from', from_stage, 'to', to_stage), changed_at
    from stage_changes where user_id = ${userId} and from_stage is not null
    union all
    select ${userId}, 'interview_logged'::activity_kind, application_id, '{}'::jsonb, scheduled_at
    from interviews where user_id = ${userId}`;
}

if (process.argv[1]?.endsWith('seed-large-account.ts')) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to a PostgreSQL database to seed (the benchmarks run on real Postgres).');
    process.exit(1);
  }
  const started = Date.now();
  seedLargeAccount(url)
    .then(() => {
      console.log(`Seeded ${BENCH_EMAIL} in ${Date.now() - started} ms. Cookie: authjs.session-token=${BENCH_SESSION}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
