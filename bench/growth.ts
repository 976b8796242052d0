/**
 * How a page's cost grows with the account: the dashboard's account
 * (bench/seed-dashboard.ts) at 1,000, 10,000 and 100,000 applications,
 * everything else in proportion (3 contacts, 2 interviews and 5 letters an
 * application, 4 events a letter; a second person of the same size whose
 * rows must never show), each in a database of its own. A production
 * server (`npm run build` first) runs on each size's database, all at once,
 * and each page is measured at every size back to back before the next page,
 * so the machine's other load falls on the sizes alike:
 *
 * - each main signed-in page with wrk, as bench/pages.ts does (10
 *   connections, BENCH_DURATION after BENCH_WARMUP unmeasured), Settings
 *   first as the baseline, after one view alone (the dashboard's after a
 *   write, so it is measured with its snapshots new); a request waits up to 30 s
 *   before wrk counts it an error, so a slow page shows as slow, not as
 *   missing;
 * - each page one view at a time (BENCH_VIEWS, 20): its time with nothing
 *   else running, less queueing in it than under wrk;
 * - the dashboard right after a write: an application's note is changed
 *   (the database's triggers log the change, as for any write of the app's,
 *   so both sections' snapshots are out of date and both are computed
 *   again) and the next GET /dashboard is timed to its last byte, one
 *   request at a time, BENCH_WRITES (30) times; beside it the same view with
 *   nothing written (both snapshots read).
 *
 * Then the growth tables: each page's p95 under load, and its time one at a
 * time, at 100,000 ÷ at 10,000 (target ≤ 3×) and at 10,000 ÷ at 1,000. The
 * machines are noisy (±30%), so Settings' own ratio is the noise to read the
 * others against.
 *
 *   npm run build && npx tsx --tsconfig bench/tsconfig.json bench/growth.ts
 *
 * BENCH_SIZES=1k,10k,100k chooses the sizes (plain numbers too). Each
 * size's database is dropped and created again before it is seeded;
 * BENCH_RESEED=0 keeps the accounts already seeded instead, brought up to
 * the latest migration. The databases are afterword_growth_<size>_bench on the local
 * Postgres (BENCH_DATABASE_BASE: another URL whose database name is the
 * prefix); BENCH_PORT is the first size's port (3960, then 3961…).
 * Seeding takes about 10 s, 1.5 min and 13 min here.
 */
import postgres from 'postgres';
import { dashboardScale, seedDashboardAccount } from './seed-dashboard';
import { BENCH_EMAIL, BENCH_SESSION, migrateBenchDatabase } from './seed-large-account';
import { ensureDatabase, freshDatabase, measurePages, pageWeights, percentile, requireWrk, type WrkResult, withProductionServer } from './server';

const PORT = Number(process.env.BENCH_PORT ?? 3960);
const WRITES = Number(process.env.BENCH_WRITES ?? 30);
const VIEWS = Number(process.env.BENCH_VIEWS ?? 20);
const WRK_TIMEOUT = '30s';
const BASE_URL = process.env.BENCH_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432/afterword_growth';

/** "1k" → 1000, "100000" → 100000. */
function parseSize(size: string) {
  const match = /^(\d+)(k?)$/i.exec(size.trim());
  if (!match) throw new Error(`BENCH_SIZES: "${size}" is not a size (1k, 10000, …)`);
  return Number(match[1]) * (match[2] ? 1000 : 1);
}
const label = (applications: number) => (applications % 1000 === 0 ? `${applications / 1000}k` : String(applications));
const SIZES = (process.env.BENCH_SIZES ?? '1k,10k,100k').split(',').map(parseSize);

/** The pages, named as the report prints them: the same at every size. */
const PAGE_NAMES = [
  '/settings',
  '/dashboard',
  '/applications',
  '/applications/table',
  '/contacts',
  '/letters',
  '/applications/:id',
  '/letters/:id',
] as const;
type PageName = (typeof PAGE_NAMES)[number];
const AFTER_WRITE = '/dashboard right after a write';
const NOTHING_NEW = '/dashboard, nothing new';

type Timings = { p50: number; p95: number };
/** A size's database, its bench person and the paths measured on it. */
type Size = { applications: number; url: string; seededSeconds?: number; userId: string; applicationId: string; paths: Record<PageName, string> };
type SizeResult = {
  applications: number;
  seededSeconds?: number;
  /** Under wrk, with each page's weight. */
  loaded: Map<PageName, WrkResult & { kb: number }>;
  /** One view at a time: each page, and the dashboard after a write and with nothing new. */
  single: Map<string, Timings>;
};

function databaseUrl(applications: number) {
  const url = new URL(BASE_URL);
  url.pathname = `${url.pathname}_${label(applications)}_bench`;
  return url.toString();
}

/** The bench person, one of their applications in interviews (the same position at every size) and its latest letter. */
async function benchRows(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [person] = await sql<{ id: string }[]>`select id from users where email = ${BENCH_EMAIL}`;
    if (!person) throw new Error(`No ${BENCH_EMAIL} in ${url}: seed it first (leave BENCH_RESEED unset).`);
    const [app] = await sql<{ id: string }[]>`
      select id from applications where user_id = ${person.id} and position = 'Product Manager 3'`;
    const [letter] = await sql<{ id: string }[]>`
      select id from letters where user_id = ${person.id} and application_id = ${app.id} order by created_at desc limit 1`;
    return { userId: person.id, applicationId: app.id, letterId: letter.id };
  } finally {
    await sql.end();
  }
}

/**
 * One GET, timed to its last byte (the dashboard streams each section as it
 * is ready). Tried again, once, when the server had closed the idle
 * connection fetch reused: that request never reached it.
 */
async function timedGet(base: string, path: string, retry = true): Promise<number> {
  try {
    return await timedGetOnce(base, path);
  } catch (error) {
    if (retry && error instanceof TypeError && error.message === 'fetch failed') return timedGet(base, path, false);
    throw error;
  }
}

async function timedGetOnce(base: string, path: string) {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { cookie: `authjs.session-token=${BENCH_SESSION}` } });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return ms;
}

const timings = (samples: number[]): Timings => ({ p50: percentile(samples, 50), p95: percentile(samples, 95) });

/** A page VIEWS times, one request at a time, after one view unmeasured. */
async function viewsOneAtATime(base: string, path: string) {
  await timedGet(base, path);
  const samples: number[] = [];
  for (let i = 0; i < VIEWS; i++) samples.push(await timedGet(base, path));
  return timings(samples);
}

/**
 * A write of the person's: a note on an application changes. The database's
 * triggers log it, as for any write of the app's, so the dashboard's
 * snapshots are out of date and its next view computes both sections again.
 */
async function write(size: Size, note: string) {
  const sql = postgres(size.url, { max: 1, onnotice: () => {} });
  try {
    await sql`update applications set notes = ${note} where user_id = ${size.userId} and id = ${size.applicationId}`;
  } finally {
    await sql.end();
  }
}

/** The dashboard right after a write, one request at a time; then the same view with nothing new. */
async function dashboardAfterWrites(base: string, size: Size, single: Map<string, Timings>) {
  const after: number[] = [];
  const unchanged: number[] = [];
  for (let i = -3; i < WRITES; i++) {
    await write(size, `Growth bench note ${i}`);
    const ms = await timedGet(base, '/dashboard');
    if (i >= 0) after.push(ms); // the first three warm up, unmeasured
  }
  for (let i = 0; i < WRITES; i++) unchanged.push(await timedGet(base, '/dashboard'));
  single.set(AFTER_WRITE, timings(after));
  single.set(NOTHING_NEW, timings(unchanged));
}

/** The size's database, seeded (or brought up to the latest migration with BENCH_RESEED=0), and the paths measured on it. */
async function prepareSize(applications: number): Promise<Size> {
  const url = databaseUrl(applications);
  console.log(`\n== ${label(applications)} applications: ${url} ==`);
  let seededSeconds: number | undefined;
  if (process.env.BENCH_RESEED !== '0') {
    const started = Date.now();
    await freshDatabase(url);
    const log = (step: string) => console.log(`  ${((Date.now() - started) / 1000).toFixed(0)} s: ${step}`);
    await seedDashboardAccount(url, log, dashboardScale(applications));
    seededSeconds = (Date.now() - started) / 1000;
    console.log(`Seeded in ${seededSeconds.toFixed(0)} s.`);
  } else {
    await ensureDatabase(url);
    await migrateBenchDatabase(url);
  }
  const { userId, applicationId, letterId } = await benchRows(url);
  const paths: Record<PageName, string> = {
    '/settings': '/settings',
    '/dashboard': '/dashboard',
    '/applications': '/applications',
    '/applications/table': '/applications/table',
    '/contacts': '/contacts',
    '/letters': '/letters',
    '/applications/:id': `/applications/${applicationId}`,
    '/letters/:id': `/letters/${letterId}`,
  };
  return { applications, url, seededSeconds, userId, applicationId, paths };
}

/** A production server on each size's database at once (ports PORT, PORT + 1, …), for as long as `work` runs. */
async function withServers<T>(sizes: Size[], work: (bases: string[]) => Promise<T>, port = PORT): Promise<T> {
  if (!sizes.length) return work([]);
  const [first, ...rest] = sizes;
  return withProductionServer(first.url, port, async (base) => {
    const result = await withServers(rest, (bases) => work([base, ...bases]), port + 1);
    console.log(`\n(${label(first.applications)}'s server, below)`);
    return result;
  });
}

/**
 * Every size's server runs at once, and each page is measured at every size
 * back to back (then the next page), so a change in the machine's other load
 * falls on the sizes alike rather than on whichever size ran at the time.
 */
async function measureSizes(sizes: Size[]): Promise<SizeResult[]> {
  return withServers(sizes, async (bases) => {
    const results = sizes.map((size): SizeResult => ({ applications: size.applications, seededSeconds: size.seededSeconds, loaded: new Map(), single: new Map() }));
    const weights = await Promise.all(sizes.map((size, i) => pageWeights(bases[i], PAGE_NAMES.map((name) => size.paths[name]))));
    for (const name of PAGE_NAMES) {
      for (const [i, size] of sizes.entries()) {
        // One view first, alone, after a write: the dashboard's snapshots are then new and current for the
        // whole run (What is due's for a minute). Were they out of date during it, each of wrk's 10
        // connections would compute them at once (nothing makes a view wait for another's computing).
        if (name === '/dashboard') await write(size, 'Growth bench note');
        await timedGet(bases[i], size.paths[name]);
        const [measured] = measurePages(bases[i], [size.paths[name]], WRK_TIMEOUT);
        results[i].loaded.set(name, { ...measured, kb: weights[i].get(size.paths[name]) ?? NaN });
      }
    }
    for (const name of PAGE_NAMES) {
      for (const [i, size] of sizes.entries()) results[i].single.set(name, await viewsOneAtATime(bases[i], size.paths[name]));
    }
    for (const [i, size] of sizes.entries()) await dashboardAfterWrites(bases[i], size, results[i].single);
    results.forEach(printSize);
    return results;
  });
}

const ms = (n: number | undefined) => (n === undefined ? '' : n.toFixed(n < 100 ? 1 : 0));

function printSize({ applications, seededSeconds, loaded, single }: SizeResult) {
  const settings = loaded.get('/settings')!;
  console.log(`\n${label(applications)} applications${seededSeconds === undefined ? '' : ` (seeded in ${seededSeconds.toFixed(0)} s)`}`);
  console.log(`\n| page | KB a view | req/s | p50 ms | p95 ms | p95 vs Settings | errors | one at a time: p50 ms | p95 ms |`);
  console.log(`|---|---|---|---|---|---|---|---|---|`);
  for (const [name, r] of loaded) {
    const one = single.get(name);
    console.log(
      `| ${name} | ${r.kb.toFixed(0)} | ${r.rps.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${(r.p95 / settings.p95).toFixed(2)}× | ${r.errors} | ${ms(one?.p50)} | ${ms(one?.p95)} |`,
    );
  }
  for (const name of [AFTER_WRITE, NOTHING_NEW]) {
    const t = single.get(name)!;
    console.log(`| ${name} (${WRITES} views) | | | | | | | ${ms(t.p50)} | ${ms(t.p95)} |`);
  }
}

/** One growth table: a figure per size, then each size's figure ÷ the one before. */
function growthTable(title: string, results: SizeResult[], rows: [string, (r: SizeResult) => number | undefined][]) {
  const steps = results.slice(1).map((r, i) => [results[i], r] as const);
  console.log(`\n${title}\n`);
  console.log(`| page | ${results.map((r) => label(r.applications)).join(' | ')} | ${steps.map(([a, b]) => `${label(b.applications)} ÷ ${label(a.applications)}`).join(' | ')} |`);
  console.log(`|---|${results.map(() => '---|').join('')}${steps.map(() => '---|').join('')}`);
  for (const [name, get] of rows) {
    const ratios = steps.map(([a, b]) => {
      const ratio = (get(b) ?? NaN) / (get(a) ?? NaN);
      return `${ratio.toFixed(2)}×${b.applications >= 10 * a.applications && ratio > 3 ? ' **over 3×**' : ''}`;
    });
    console.log(`| ${name} | ${results.map((r) => ms(get(r))).join(' | ')} | ${ratios.join(' | ')} |`);
  }
}

function printGrowth(results: SizeResult[]) {
  growthTable(
    'Growth under load: p95 ms with wrk (10 connections), and its ratio from one size to the next (target: 100k ≤ 3× 10k)',
    results,
    PAGE_NAMES.map((name) => [name, (r) => r.loaded.get(name)?.p95]),
  );
  growthTable(
    'Growth one view at a time: p50 ms (the dashboard after a write: p50 and p95)',
    results,
    [
      ...PAGE_NAMES.map((name): [string, (r: SizeResult) => number | undefined] => [name, (r) => r.single.get(name)?.p50]),
      [`${AFTER_WRITE}, p50`, (r) => r.single.get(AFTER_WRITE)?.p50],
      [`${AFTER_WRITE}, p95`, (r) => r.single.get(AFTER_WRITE)?.p95],
      [`${NOTHING_NEW}, p50`, (r) => r.single.get(NOTHING_NEW)?.p50],
    ],
  );
  const seeded = results.filter((r) => r.seededSeconds !== undefined);
  if (seeded.length) console.log(`\nSeeded (two people each): ${seeded.map((r) => `${label(r.applications)} in ${r.seededSeconds!.toFixed(0)} s`).join(', ')}.`);
}

async function main() {
  requireWrk();
  const sizes: Size[] = [];
  for (const applications of SIZES) sizes.push(await prepareSize(applications));
  const results = await measureSizes(sizes);
  if (results.length > 1) printGrowth(results);
}

main().catch((error) => {
  console.error(error.message ?? error, error.cause ?? '');
  process.exit(1);
});
