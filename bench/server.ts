/**
 * What the page benchmarks share: a database to seed, the production server
 * on it, wrk against a signed-in page, and the table of figures with each
 * page's p95 as a ratio to the first (the baseline). These machines are
 * noisy, so only the ratios mean much.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import postgres from 'postgres';
import { BENCH_SESSION, migrateBenchDatabase } from './seed-large-account';

const DURATION = process.env.BENCH_DURATION ?? '10s';
const WARMUP = process.env.BENCH_WARMUP ?? '3s';

export type WrkResult = { page: string; rps: number; p50: number; p95: number; errors: number };

/** Creates the database named in `url` if it does not exist yet. */
export async function ensureDatabase(url: string) {
  const admin = postgres(new URL('/postgres', url).toString(), { max: 1, onnotice: () => {} });
  const name = new URL(url).pathname.slice(1);
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!exists) await admin.unsafe(`create database "${name}"`);
  await admin.end();
}

/**
 * Drops the database named in `url` and creates it again, brought up to the
 * latest migration: quicker than deleting a large account row by row, and
 * no dead rows left behind. Only a database whose name says "bench".
 */
export async function freshDatabase(url: string) {
  const name = new URL(url).pathname.slice(1);
  if (!name.includes('bench')) throw new Error(`The database is dropped and created again, so its name must contain "bench" (got ${name}).`);
  const admin = postgres(new URL('/postgres', url).toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  await migrateBenchDatabase(url);
}

export function requireWrk() {
  if (spawnSync('which', ['wrk']).status !== 0) throw new Error('wrk is missing: apt-get install -y wrk');
}

/**
 * 10 connections for BENCH_DURATION (10 s), signed in as the bench person. A
 * request not answered within `timeout` (wrk's own default, 2 s) counts as
 * an error and is left out of the percentiles.
 */
export function wrk(base: string, page: string, duration = DURATION, timeout = '2s'): WrkResult {
  const out = spawnSync(
    'wrk',
    ['-t2', '-c10', `-d${duration}`, `--timeout`, timeout, '-s', 'bench/percentiles.lua', '-H', `Cookie: authjs.session-token=${BENCH_SESSION}`, `${base}${page}`],
    { encoding: 'utf8' },
  );
  const line = out.stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`wrk failed for ${page}: ${out.stderr || out.stdout}`);
  const get = (key: string) => Number(line.match(new RegExp(`${key}=(\\d+)`))?.[1] ?? NaN);
  return { page, rps: get('requests') / (get('duration_us') / 1e6), p50: get('p50_us') / 1000, p95: get('p95_us') / 1000, errors: get('errors') };
}

/** Waits until `next start` at `base` answers its health check. */
export async function waitForHealth(base: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not become healthy');
}

/**
 * Runs `work` against `next start` (the last `npm run build`) on the given
 * database, with mail pointed nowhere, then stops the server.
 */
export async function withProductionServer<T>(url: string, port: number, work: (base: string) => Promise<T> | T): Promise<T> {
  const base = `http://localhost:${port}`;
  // Next's own binary, not `npx next`: npm's wrapper (about 65 MB) would be counted as the server's memory.
  const server = spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      DATABASE_URL: url,
      APP_URL: base,
      AUTH_SECRET: 'bench-secret-that-is-long-enough-for-auth-js-0123',
      RESEND_API_KEY: 're_bench',
      RESEND_BASE_URL: 'http://127.0.0.1:9',
      MAIL_FROM: 'letters@afterword.test',
    },
  });
  let memory: (() => number[]) | undefined;
  try {
    await waitForHealth(base);
    memory = sampleMemory(server.pid!);
    return await work(base);
  } finally {
    const samples = memory?.() ?? [];
    if (samples.length) console.log(`\nserver memory (RSS of the server's processes, ${samples.length} samples): median ${percentile(samples, 50)} MB, peak ${Math.max(...samples)} MB`);
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

/** The p-th percentile of some samples (NaN when there are none). */
export function percentile(samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/**
 * Samples the server's resident memory twice a second, summed over every
 * process of its session (`next start` and any process it forks). A shell
 * loop, because wrk runs synchronously and holds this process's event loop.
 * Returns a function that stops sampling and gives the samples in MB.
 */
function sampleMemory(session: number): () => number[] {
  const file = `/tmp/afterword-bench-rss-${process.pid}-${session}.txt`; // one a server: bench/growth.ts runs several
  writeFileSync(file, '');
  const sampler = spawn('sh', ['-c', `while sleep 0.5; do ps -o rss= -s ${session} | awk '{s+=$1} END {print s}' >> ${file}; done`], {
    detached: true,
    stdio: 'ignore',
  });
  return () => {
    if (sampler.pid) process.kill(-sampler.pid, 'SIGTERM');
    return readFileSync(file, 'utf8')
      .split('\n')
      .map(Number)
      .filter((kb) => kb > 0)
      .map((kb) => Math.round(kb / 1024));
  };
}

/** One view of each page as a browser's first view gets it (HTML with the React payload inlined), in KB. */
export async function pageWeights(base: string, pages: string[]): Promise<Map<string, number>> {
  const weights = new Map<string, number>();
  for (const page of pages) {
    const response = await fetch(`${base}${page}`, { headers: { cookie: `authjs.session-token=${BENCH_SESSION}` } });
    weights.set(page, (await response.arrayBuffer()).byteLength / 1024);
  }
  return weights;
}

/**
 * Each page under load for BENCH_WARMUP (3 s) first, unmeasured, so cold
 * caches and code not yet optimized by the JIT are not what is measured;
 * then wrk on each in turn.
 */
export function measurePages(base: string, pages: string[], timeout?: string): WrkResult[] {
  for (const page of pages) wrk(base, page, WARMUP, timeout);
  return pages.map((page) => wrk(base, page, DURATION, timeout));
}

/** The figures as a Markdown table, each p95 against the first page's. */
export function printResults(results: WrkResult[], baseline = 'Settings', weights = new Map<string, number>()) {
  const base = results[0];
  console.log(`\n| page | KB a view | req/s | p50 ms | p95 ms | p95 vs ${baseline} | errors |`);
  console.log(`|---|---|---|---|---|---|---|`);
  for (const r of results) {
    const kb = weights.get(r.page);
    console.log(
      `| ${r.page.replace(/[0-9a-f-]{36}/, ':id')} | ${kb === undefined ? '' : kb.toFixed(0)} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${(r.p95 / base.p95).toFixed(2)}× | ${r.errors} |`,
    );
  }
}
