/**
 * Page benchmark on a large account (bench/seed-large-account.ts), against
 * the production server on real PostgreSQL. Every page is measured with wrk
 * (10 connections, 10 s) in the same run as a baseline signed-in page that
 * reads one row (Settings), and reported as a ratio to it: these machines are
 * noisy, so only the ratios mean much.
 *
 *   npx tsx bench/pages.ts            (needs `npm run build` first, and wrk)
 *
 * DATABASE_URL selects the database (default: a local afterword_bench).
 */
import { spawn, spawnSync } from 'node:child_process';
import postgres from 'postgres';
import { BENCH_SESSION, seedLargeAccount } from './seed-large-account';

const PORT = 3900;
const BASE = `http://localhost:${PORT}`;
const DURATION = process.env.BENCH_DURATION ?? '10s';

type Result = { page: string; rps: number; p50: number; p95: number; errors: number };

function wrk(url: string): Result {
  const out = spawnSync(
    'wrk',
    ['-t2', '-c10', `-d${DURATION}`, '-s', 'bench/percentiles.lua', '-H', `Cookie: authjs.session-token=${BENCH_SESSION}`, url],
    { encoding: 'utf8' },
  );
  const line = out.stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`wrk failed for ${url}: ${out.stderr || out.stdout}`);
  const get = (key: string) => Number(line.match(new RegExp(`${key}=(\\d+)`))?.[1] ?? NaN);
  return {
    page: url.replace(BASE, ''),
    rps: get('requests') / (get('duration_us') / 1e6),
    p50: get('p50_us') / 1000,
    p95: get('p95_us') / 1000,
    errors: get('errors'),
  };
}

async function waitForHealth() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not become healthy');
}

async function main() {
  if (spawnSync('which', ['wrk']).status !== 0) throw new Error('wrk is missing: apt-get install -y wrk');
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/afterword_bench';
  const admin = postgres(new URL('/postgres', url).toString(), { max: 1, onnotice: () => {} });
  const name = new URL(url).pathname.slice(1);
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!exists) await admin.unsafe(`create database "${name}"`);
  await admin.end();
  if (process.env.BENCH_RESEED !== '0') await seedLargeAccount(url);

  const sql = postgres(url, { max: 1 });
  const [app] = await sql`
    select a.id from applications a join users u on u.id = a.user_id
    where u.email = 'bench@afterword.test' and a.stage = 'interviewing' order by a.id limit 1`;
  const [contact] = await sql`
    select c.id from contacts c join users u on u.id = c.user_id where u.email = 'bench@afterword.test' order by c.id limit 1`;
  await sql.end();

  const server = spawn('npx', ['next', 'start', '-p', String(PORT)], {
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      DATABASE_URL: url,
      APP_URL: BASE,
      AUTH_SECRET: 'bench-secret-that-is-long-enough-for-auth-js-0123',
      RESEND_API_KEY: 're_bench',
      RESEND_BASE_URL: 'http://127.0.0.1:9',
      MAIL_FROM: 'letters@afterword.test',
    },
  });
  try {
    await waitForHealth();
    const pages = [
      '/settings',
      '/applications',
      '/applications/table',
      '/applications/table?q=Engineer&stage=applied&sort=company',
      `/applications/${app.id}`,
      '/contacts',
      '/contacts?q=Grace',
      `/contacts/${contact.id}`,
    ];
    for (const page of pages) spawnSync('curl', ['-s', '-o', '/dev/null', '-b', `authjs.session-token=${BENCH_SESSION}`, `${BASE}${page}`]);
    const results = pages.map((page) => wrk(`${BASE}${page}`));
    const base = results[0];
    console.log(`\n| page | req/s | p50 ms | p95 ms | p95 vs Settings | errors |`);
    console.log(`|---|---|---|---|---|---|`);
    for (const r of results) {
      console.log(
        `| ${r.page.replace(/[0-9a-f-]{36}/, ':id')} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${(r.p95 / base.p95).toFixed(2)}× | ${r.errors} |`,
      );
    }
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
