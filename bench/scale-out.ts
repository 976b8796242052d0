/**
 * Several processes, one database, one Resend account: two `next start`
 * processes (RUN_WORKER=0) and one `npm run worker` on a database of their
 * own, sending through a Resend-compatible server that enforces 2 requests
 * a second and answers 429 beyond it. People click the one-click thank-you
 * on both web processes at once (a page read, then the form posted as a
 * browser without JavaScript posts it), sign-in links are asked for during
 * the whole run, and one web process is killed (SIGKILL) halfway through
 * its clicks; its unanswered clicks are made again on the other, as a load
 * balancer would. Prints what the server accepted, the 429s, the
 * throughput against the limit, how long sign-in mail waited, and whether
 * any letter was lost or sent twice.
 *
 *   npm run build && npx tsx --tsconfig bench/tsconfig.json bench/scale-out.ts
 *
 * BENCH_LETTERS (300) letters, one per interview, spread over people of 15
 * interviews each (the one-click send allows 30 a minute per person).
 * BENCH_SIGNINS_PER_SECOND (1) sign-in requests, each for a new address from
 * its own network (X-Forwarded-For), so the per-address and per-network
 * limits do not turn them away. BENCH_KILL_AFTER (0.5): the share of web B's
 * clicks answered before it is killed. DATABASE_URL names the database; it
 * is dropped and created again, so its name must contain "bench".
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, writeFileSync } from 'node:fs';
import postgres from 'postgres';
import { LETTER_TAG } from '@/lib/letters/resend-event';
import { type ReceivedEmail, startResendServer } from '../tests/resend-server/server';
import { freshDatabase, percentile, waitForHealth } from './server';

const LETTERS = Number(process.env.BENCH_LETTERS ?? 300);
const SIGNINS_PER_SECOND = Number(process.env.BENCH_SIGNINS_PER_SECOND ?? 1);
const KILL_AFTER = Number(process.env.BENCH_KILL_AFTER ?? 0.5);
const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/afterword_scale_out_bench';
const RATE_PER_SECOND = 2;
const INTERVIEWS_PER_PERSON = 15;
const CLICKS_AT_ONCE_PER_PROCESS = 4;
const SECRET = 'bench-secret-that-is-long-enough-for-auth-js-0123';
const LOGS = '/tmp/afterword-scale-out';

type Interview = { applicationId: string; interviewId: string; session: string };
type Web = { name: string; base: string; process: ChildProcess; alive: boolean };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (line: string) => console.log(`[${elapsed()}] ${line}`);

/**
 * People of INTERVIEWS_PER_PERSON interviews each (the last one fewer), each
 * interview yesterday with one person met, its application's primary
 * contact: one letter per click. The accounts are a month old, with no undo
 * window, so a click hands its letter to Resend at once when the pace allows.
 */
async function seed(url: string): Promise<Interview[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await sql.begin(async (tx) => {
      const interviews: Interview[] = [];
      for (let person = 0; person * INTERVIEWS_PER_PERSON < LETTERS; person++) {
        const count = Math.min(INTERVIEWS_PER_PERSON, LETTERS - person * INTERVIEWS_PER_PERSON);
        const session = `bench-scale-out-session-${person}`;
        const [user] = await tx`
          insert into users (id, email, name, signature, email_verified, daily_recipient_cap, undo_seconds, created_at)
          values (gen_random_uuid()::text, ${`bench-scale-${person}@afterword.test`}, ${`Person ${person}`}, ${'Warm regards,\nBench'},
                  now(), 100000, 0, now() - interval '30 days')
          returning id`;
        await tx`insert into sessions (session_token, user_id, expires) values (${session}, ${user.id}, now() + interval '1 day')`;
        await tx`insert into companies (user_id, name) select ${user.id}, 'Company ' || g from generate_series(1, ${count}) g`;
        await tx`insert into applications (user_id, company_id, position, stage)
          select ${user.id}, id, 'Engineer', 'interviewing' from companies where user_id = ${user.id}`;
        await tx`insert into contacts (user_id, name, email)
          select ${user.id}, 'Interviewer ' || g, 'p' || ${person} || '-' || g || '@bench.example' from generate_series(1, ${count}) g`;
        await tx`insert into interviews (user_id, application_id, scheduled_at, kind, impression)
          select ${user.id}, id, now() - interval '1 day', 'onsite', 'the care the team takes' from applications where user_id = ${user.id}`;
        // The n-th interview with the n-th contact, who is its application's primary contact.
        await tx`
          with i as (select id, application_id, row_number() over (order by id) as n from interviews where user_id = ${user.id}),
               c as (select id, row_number() over (order by id) as n from contacts where user_id = ${user.id})
          insert into interview_attendees (user_id, interview_id, contact_id)
          select ${user.id}, i.id, c.id from i join c using (n)`;
        await tx`insert into application_contacts (user_id, application_id, contact_id, role, is_primary)
          select ${user.id}, i.application_id, a.contact_id, 'interviewer', true
          from interviews i join interview_attendees a on a.interview_id = i.id where i.user_id = ${user.id}`;
        const rows = await tx`select id, application_id from interviews where user_id = ${user.id}`;
        interviews.push(...rows.map((r) => ({ applicationId: r.application_id as string, interviewId: r.id as string, session })));
      }
      return interviews;
    });
  } finally {
    await sql.end();
  }
}

function start(name: string, command: string, args: string[], env: Record<string, string>): ChildProcess {
  const out = openSync(`${LOGS}-${name}.log`, 'w');
  // Its own process group, so a kill reaches next-server under `next start` too.
  return spawn(command, args, { detached: true, stdio: ['ignore', out, out], env: { ...process.env, ...env } });
}

function decode(text: string) {
  return text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The thank-you form's fields, as the page renders them (React's $ACTION_* fields for a form without JavaScript included). */
function thankYouForm(html: string): FormData | null {
  const form = html.split('<form').map((chunk) => chunk.split('</form>')[0]).find((f) => f.includes('value="interview_thanks"'));
  if (!form) return null;
  const data = new FormData();
  for (const [input] of form.matchAll(/<input[^>]*>/g)) {
    const name = input.match(/name="([^"]*)"/)?.[1];
    if (!name || !/type="hidden"/.test(input)) continue;
    data.append(decode(name), decode(input.match(/value="([^"]*)"/)?.[1] ?? ''));
  }
  data.append('test', '0');
  return data;
}

/** One click on the interview's "Send thank-you", as a person on that web process makes it. */
async function click(web: Web, interview: Interview): Promise<void> {
  const page = `${web.base}/applications/${interview.applicationId}`;
  const cookie = `authjs.session-token=${interview.session}`;
  const html = await (await fetch(page, { headers: { cookie } })).text();
  const form = thankYouForm(html);
  if (!form) throw new Error(`No thank-you form on ${page}`);
  const answer = await fetch(page, { method: 'POST', body: form, headers: { cookie, origin: web.base }, redirect: 'manual' });
  await answer.arrayBuffer();
  if (answer.status >= 400) throw new Error(`The click answered ${answer.status}`);
}

type SignIn = { email: string; postedAt: number; outcome: string };

/** Asks for a sign-in link through Auth.js's email endpoint, with its CSRF token. */
async function signIn(web: Web, n: number): Promise<SignIn> {
  const email = `signin-${n}@bench.example`;
  const network = { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
  const csrf = await fetch(`${web.base}/api/auth/csrf`, { headers: network });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const postedAt = Date.now();
  const answer = await fetch(`${web.base}/api/auth/signin/email`, {
    method: 'POST',
    headers: { ...network, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: `${web.base}/dashboard` }),
    redirect: 'manual',
  });
  await answer.arrayBuffer();
  const location = answer.headers.get('location') ?? '';
  return { email, postedAt, outcome: location.includes('verify-request') || location.includes('check-email') ? 'link sent' : `${answer.status} ${location}` };
}

const letterOf = (email: ReceivedEmail) => email.tags.find((t) => t.name === LETTER_TAG)?.value ?? null;

async function main() {
  await freshDatabase(URL_);
  const interviews = await seed(URL_);
  const db = postgres(URL_, { max: 2, onnotice: () => {} });
  const mail = await startResendServer({ ratePerSecond: RATE_PER_SECOND });
  log(`Seeded ${interviews.length} interviews for ${Math.ceil(LETTERS / INTERVIEWS_PER_PERSON)} people; Resend look-alike at ${mail.url}, ${RATE_PER_SECOND}/s`);

  const env = (port?: number): Record<string, string> => ({
    DATABASE_URL: URL_,
    APP_URL: `http://localhost:${port ?? 3301}`,
    AUTH_SECRET: SECRET,
    RESEND_API_KEY: 're_scale_out_bench',
    RESEND_BASE_URL: mail.url,
    MAIL_FROM: 'letters@afterword.test',
    RUN_WORKER: '0',
  });
  const webs: Web[] = [3301, 3302].map((port, i) => ({
    name: i === 0 ? 'A' : 'B',
    base: `http://localhost:${port}`,
    process: start(`web-${i === 0 ? 'a' : 'b'}`, 'node_modules/.bin/next', ['start', '-p', String(port)], env(port)),
    alive: true,
  }));
  const worker = start('worker', 'npm', ['run', 'worker'], env());
  try {
    await Promise.all(webs.map((web) => waitForHealth(web.base)));
    for (let i = 0; ; i++) {
      const health = (await (await fetch(`${webs[0].base}/api/health`)).json()) as { worker?: { live: number } };
      if ((health.worker?.live ?? 0) > 0) break;
      if (i > 120) throw new Error(`The worker did not start; see ${LOGS}-worker.log`);
      await sleep(500);
    }
    // Each page once, unmeasured: the first request of a process compiles and connects.
    await Promise.all(webs.map((web) => fetch(`${web.base}/applications/${interviews[0].applicationId}`, { headers: { cookie: `authjs.session-token=${interviews[0].session}` } })));
    log(`Web A, web B and the worker are up (logs: ${LOGS}-*.log)`);

    // Sign-in requests through the whole run, alternating between the web processes alive.
    const signIns: Promise<SignIn>[] = [];
    let signingIn = true;
    const signInLoop = (async () => {
      for (let n = 0; signingIn; n++) {
        const live = webs.filter((w) => w.alive);
        const web = live[n % live.length];
        signIns.push(signIn(web, n).catch((error: unknown) => ({ email: `signin-${n}@bench.example`, postedAt: Date.now(), outcome: `error: ${String(error)}` })));
        await sleep(1000 / SIGNINS_PER_SECOND);
      }
    })();

    // Every click at once: half on A, half on B, CLICKS_AT_ONCE_PER_PROCESS at a time on each.
    const clickStart = Date.now();
    const share = webs.map((_, i) => interviews.filter((_, n) => n % 2 === i));
    const retried: Interview[] = [];
    let killedAt: number | null = null;
    let sentAtKill = 0;
    const answered = [0, 0];
    const clickErrors: string[] = [];
    await Promise.all(
      webs.map(async (web, i) => {
        const queue = [...share[i]];
        await Promise.all(
          Array.from({ length: CLICKS_AT_ONCE_PER_PROCESS }, async () => {
            for (let next = queue.shift(); next; next = queue.shift()) {
              if (!web.alive) {
                retried.push(next);
                continue;
              }
              try {
                await click(web, next);
                answered[i]++;
              } catch (error) {
                if (web.alive) clickErrors.push(String(error));
                retried.push(next);
              }
              if (web.name === 'B' && web.alive && answered[i] >= share[i].length * KILL_AFTER) {
                web.alive = false;
                killedAt = Date.now();
                sentAtKill = mail.emails().filter(letterOf).length;
                process.kill(-web.process.pid!, 'SIGKILL');
                log(`Web B killed (SIGKILL) after ${answered[i]} of its ${share[i].length} clicks answered; ${sentAtKill} letters accepted by then`);
              }
            }
          }),
        );
      }),
    );
    // The clicks B never answered, made again on A: a person reloads and clicks once more.
    for (const interview of retried) await click(webs[0], interview);
    log(`All ${interviews.length} clicks answered in ${((Date.now() - clickStart) / 1000).toFixed(1)} s (${retried.length} made again on A after the kill)`);

    const deadline = Date.now() + LETTERS * 3000 + 120_000;
    for (;;) {
      const [{ waiting }] = await db`select count(*)::int as waiting from letters where status in ('scheduled', 'queued')`;
      if (waiting === 0 || Date.now() > deadline) break;
      await sleep(1000);
    }
    signingIn = false;
    await signInLoop;
    const signInResults = await Promise.all(signIns);
    // Longer than a sender's hold (20 s): a letter some process still believed its own would show up twice by now.
    log('Every letter left the queue; waiting 25 s for anything late');
    await sleep(25_000);

    report({
      emails: mail.emails(),
      limited: mail.rateLimited(),
      requests: mail.requests(),
      rows: await db`select l.id, l.status, l.interview_id, l.attempts from letters l`,
      interviews,
      signIns: signInResults,
      killedAt,
      sentAtKill,
      clickErrors,
    });
  } finally {
    for (const child of [...webs.filter((w) => w.alive).map((w) => w.process), worker]) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {}
    }
    await db.end();
    await mail.close();
  }
}

function report(run: {
  emails: ReceivedEmail[];
  limited: { at: string; idempotencyKey: string | null }[];
  requests: number;
  rows: postgres.RowList<postgres.Row[]>;
  interviews: Interview[];
  signIns: SignIn[];
  killedAt: number | null;
  sentAtKill: number;
  clickErrors: string[];
}) {
  const letters = run.emails.filter(letterOf);
  const signInMail = run.emails.filter((e) => e.tags.some((t) => t.name === 'category' && t.value === 'sign_in'));
  const count = <T>(items: T[], key: (item: T) => string) => {
    const seen = new Map<string, number>();
    for (const item of items) seen.set(key(item), (seen.get(key(item)) ?? 0) + 1);
    return [...seen.values()].filter((n) => n > 1).length;
  };
  const byKey = count(run.emails, (e) => e.idempotencyKey ?? e.id);
  const byRecipientAndLetter = count(letters, (e) => `${e.to.join(',')}|${letterOf(e)}`);
  const byRecipient = count(letters, (e) => e.to.join(','));
  const interviewsWritten = new Set(run.rows.map((r) => r.interview_id));
  const sentRows = run.rows.filter((r) => r.status === 'sent');
  const acceptedLetterIds = new Set(letters.map(letterOf));
  const lost = run.rows.filter((r) => !acceptedLetterIds.has(r.id)).length + (run.interviews.length - interviewsWritten.size);

  const times = letters.map((e) => Date.parse(e.receivedAt)).sort((a, b) => a - b);
  const from = times[0];
  const to = times.at(-1)!;
  const seconds = (to - from) / 1000;
  const inWindow = run.emails.filter((e) => Date.parse(e.receivedAt) >= from && Date.parse(e.receivedAt) <= to).length;
  const kind = (key: string | null) => (key?.startsWith('afterword-letter-') ? 'letter' : key?.startsWith('sign-in-') ? 'sign-in' : 'other');
  const limitedBy = (k: string) => run.limited.filter((r) => kind(r.idempotencyKey) === k).length;

  const received = new Map(signInMail.map((e) => [e.to[0], Date.parse(e.receivedAt)]));
  const waits = run.signIns.flatMap((s) => (received.has(s.email) ? [received.get(s.email)! - s.postedAt] : []));
  const outcomes = new Map<string, number>();
  for (const s of run.signIns) outcomes.set(s.outcome, (outcomes.get(s.outcome) ?? 0) + 1);

  const afterKill = run.killedAt === null ? [] : letters.filter((e) => Date.parse(e.receivedAt) >= run.killedAt!);
  const timesSent = new Map<string, number>();
  for (const e of letters) timesSent.set(letterOf(e)!, (timesSent.get(letterOf(e)!) ?? 0) + 1);
  const doubledAfterKill = new Set(afterKill.map(letterOf).filter((id) => timesSent.get(id!)! > 1)).size;

  // Every request the server answered, in order, for reading the run afterwards.
  const timeline = [
    ...run.emails.map((e) => ({ at: e.receivedAt, answer: 'accepted', kind: kind(e.idempotencyKey) })),
    ...run.limited.map((r) => ({ at: r.at, answer: '429', kind: kind(r.idempotencyKey) })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  writeFileSync(`${LOGS}-timeline.json`, JSON.stringify(timeline, null, 1));

  const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
  console.log(`
Scale-out: 2 web processes (RUN_WORKER=0) + 1 worker, one Postgres, Resend look-alike enforcing ${RATE_PER_SECOND} requests/s
  letters asked for (one per interview)          ${run.interviews.length}
  letters written (rows) / interviews with one   ${run.rows.length} / ${interviewsWritten.size}
  letters sent (status) / max attempts           ${sentRows.length} / ${Math.max(...run.rows.map((r) => Number(r.attempts)))}
  emails accepted by the server                  ${run.emails.length} (${letters.length} letters, ${signInMail.length} sign-in)
  duplicates by idempotency key                  ${byKey}
  duplicates by recipient + letter               ${byRecipientAndLetter} (recipients with two thank-yous: ${byRecipient})
  letters lost (written, never accepted)         ${lost}
  send requests / answered 429                   ${run.requests} / ${run.limited.length} (${pct(run.limited.length, run.requests)}; ${limitedBy('letter')} letters, ${limitedBy('sign-in')} sign-in, ${limitedBy('other')} other, e.g. the digest)
  letters' window (first to last accepted)       ${seconds.toFixed(1)} s
  letters per second (sign-in mail goes first)   ${(letters.length / seconds).toFixed(2)}
  all accepted mail in that window vs 2/s        ${(inWindow / seconds).toFixed(2)}/s (${pct(inWindow / seconds, RATE_PER_SECOND)} of the limit)
  sign-in requests: ${[...outcomes].map(([k, v]) => `${v} ${k}`).join(', ')}
  sign-in mail received / wait p50 / p95 / max   ${waits.length} / ${percentile(waits, 50)} ms / ${percentile(waits, 95)} ms / ${Math.max(...waits)} ms
  web B killed after / letters accepted by then  ${run.killedAt === null ? 'not killed' : `${((run.killedAt - started) / 1000).toFixed(1)} s`} / ${run.sentAtKill}
  letters accepted after the kill / doubled      ${afterKill.length} / ${doubledAfterKill}
  click errors on live processes                 ${run.clickErrors.length}${run.clickErrors.length ? ` (first: ${run.clickErrors[0]})` : ''}
  every answer, in order: ${LOGS}-timeline.json`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
