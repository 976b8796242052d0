/**
 * The server time of a one-click thank-you, over 200 sends each way:
 *  - as most clicks are, with the undo window on (the default): load the
 *    interview's facts, plan and render the letter, write it in one
 *    transaction as `scheduled`, and wake the queue at its time (a pg-boss
 *    job): the click answers from what it wrote;
 *  - with the undo window off, the same and then the hand-over to a
 *    Resend-compatible server that answers at once, and the recorded answer.
 * Beside them, in the same run, a one-row query on the same database as the
 * baseline, and the ratios.
 *
 *   DATABASE_URL=postgres://…/afterword_bench npx tsx --tsconfig bench/tsconfig.json bench/letters-send.ts
 *
 * The pacer is reset before each send: this measures Afterword's own work,
 * not the wait Resend's rate limit imposes on a real account.
 */
import postgres from 'postgres';
import { eq, sql } from 'drizzle-orm';
import { useDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { openDatabase } from '@/db/open';
import { interviewLetterContext } from '@/db/queries/letter-context';
import { rowsOf } from '@/db/rows';
import { users } from '@/db/schema';
import { resetEnv } from '@/env';
import { BUILTIN_TEMPLATES } from '@/lib/letters/builtins';
import { sendLetters } from '@/server/letters/send-letters';
import { resetPacer } from '@/server/mail/pacer';
import { startLetterWorker, stopLetterWorker } from '@/server/queue/worker';
import { startResendServer } from '../tests/resend-server/server';

const SENDS = 200;
const EMAIL = 'bench-letters@afterword.test';
const EMAIL_UNDO = 'bench-letters-undo@afterword.test';
// Longer than the run, so the scheduled letters are still waiting when they are counted.
const UNDO_SECONDS = 600;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

/** A person with SENDS interviews, each with three people met (the first primary). */
async function seed(url: string, email: string, undoSeconds: number) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await sql.begin(async (tx) => {
      await tx`delete from users where email = ${email}`;
      // An account past its first week, so the new-account cap does not apply.
      const [user] = await tx`insert into users (id, email, name, signature, daily_recipient_cap, undo_seconds, created_at)
        values (${crypto.randomUUID()}, ${email}, 'Ada Lovelace', ${'Warm regards,\nAda'}, 100000, ${undoSeconds}, now() - interval '30 days') returning id`;
      await tx`insert into companies (user_id, name) select ${user.id}, 'Company ' || g from generate_series(1, ${SENDS}) g`;
      await tx`insert into applications (user_id, company_id, position, stage)
        select ${user.id}, id, 'Engineer', 'interviewing' from companies where user_id = ${user.id}`;
      await tx`insert into contacts (user_id, name, email)
        select ${user.id}, 'Person ' || g, 'person' || g || '@bench.example' from generate_series(1, ${SENDS * 3}) g`;
      await tx`insert into interviews (user_id, application_id, scheduled_at, kind, impression)
        select ${user.id}, id, now() - interval '1 day', 'onsite', 'the care the team takes' from applications where user_id = ${user.id}`;
      // Three people per interview, in order; the first is the application's primary contact.
      await tx`
        with i as (select id, application_id, row_number() over (order by id) - 1 as n from interviews where user_id = ${user.id}),
             c as (select id, row_number() over (order by id) - 1 as n from contacts where user_id = ${user.id})
        insert into interview_attendees (user_id, interview_id, contact_id)
        select ${user.id}, i.id, c.id from i join c on c.n / 3 = i.n`;
      await tx`
        insert into application_contacts (user_id, application_id, contact_id, role, is_primary)
        select distinct on (i.id, a.contact_id) ${user.id}, i.application_id, a.contact_id, 'interviewer',
               a.contact_id = (select min(contact_id::text)::uuid from interview_attendees x where x.interview_id = i.id)
        from interviews i join interview_attendees a on a.interview_id = i.id where i.user_id = ${user.id}`;
      const interviews = await tx`select id from interviews where user_id = ${user.id}`;
      return { userId: user.id as string, interviewIds: interviews.map((r) => r.id as string) };
    });
  } finally {
    await sql.end();
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a scratch Postgres database.');
  const mail = await startResendServer();
  Object.assign(process.env, { RESEND_API_KEY: 're_bench', RESEND_BASE_URL: mail.url, MAIL_FROM: 'letters@afterword.test' });
  resetEnv();
  const handle = openDatabase({ kind: 'postgres', url, max: 4 });
  useDatabase(handle);
  await migrateDatabase(handle);
  const template = { id: null, ...BUILTIN_TEMPLATES.interview_thanks };
  const baseline: number[] = [];
  async function oneRow(userId: string) {
    const started = performance.now();
    await handle.db.select({ name: users.name }).from(users).where(eq(users.id, userId));
    baseline.push(performance.now() - started);
  }
  async function click(userId: string, interviewId: string) {
    const started = performance.now();
    const context = await interviewLetterContext(userId, interviewId);
    const result = await sendLetters(userId, { context: context!, template, separate: false, test: false, requestId: crypto.randomUUID() });
    return { ms: performance.now() - started, result };
  }

  // With the undo window off: the click waits for Resend's answer.
  const inline = await seed(url, EMAIL, 0);
  const sends: number[] = [];
  for (const interviewId of inline.interviewIds) {
    await oneRow(inline.userId);
    resetPacer();
    const { ms, result } = await click(inline.userId, interviewId);
    sends.push(ms);
    if (!result.ok || result.letters[0].status !== 'sent') throw new Error(`Send failed: ${JSON.stringify(result)}`);
  }

  // As most clicks are: the letter is written to leave after the undo window, and the queue is woken for then.
  await startLetterWorker();
  const undo = await seed(url, EMAIL_UNDO, UNDO_SECONDS);
  const clicks: number[] = [];
  for (const interviewId of undo.interviewIds) {
    await oneRow(undo.userId);
    const { ms, result } = await click(undo.userId, interviewId);
    clicks.push(ms);
    if (!result.ok || result.letters[0].status !== 'scheduled') throw new Error(`Click failed: ${JSON.stringify(result)}`);
  }
  const [{ letters, wakeUps }] = await rowsOf<{ letters: number; wakeUps: number }>(sql`
    select (select count(*)::int from letters where user_id = ${undo.userId} and status = 'scheduled') as letters,
           (select count(*)::int from pgboss.job where name = 'letter-send' and data->>'letterId' in
              (select id::text from letters where user_id = ${undo.userId})) as "wakeUps"`);
  await stopLetterWorker();

  const base = summary(baseline);
  const fmt = (n: number) => n.toFixed(1).padStart(7);
  const line = (name: string, s: ReturnType<typeof summary>) =>
    console.log(`  ${name.padEnd(22)} p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  mean ${fmt(s.mean)}   ratio p50 ${(s.p50 / base.p50).toFixed(1)}×  p95 ${(s.p95 / base.p95).toFixed(1)}×`);
  console.log(`One-click send, ${SENDS} clicks each way (ms):`);
  line('undo window (default)', summary(clicks));
  line('undo window off', summary(sends));
  console.log(`  ${'one-row query'.padEnd(22)} p50 ${fmt(base.p50)}  p95 ${fmt(base.p95)}  mean ${fmt(base.mean)}   (baseline)`);
  console.log(`  p95 over the one-row query: undo window ${(summary(clicks).p95 - base.p95).toFixed(1)} ms, undo window off ${(summary(sends).p95 - base.p95).toFixed(1)} ms`);
  console.log(`  emails received by the test server: ${mail.emails().length} (expected ${SENDS}, from the undo-off clicks)`);
  console.log(`  letters waiting out the undo window: ${letters} (expected ${SENDS}), each with its wake-up queued: ${wakeUps}`);

  await handle.db.delete(users).where(eq(users.id, inline.userId));
  await handle.db.delete(users).where(eq(users.id, undo.userId));
  await handle.close();
  await mail.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
