/**
 * Lighthouse on the signed-in pages of the dashboard's large account
 * (bench/seed-dashboard.ts): the dashboard, the board and one sent letter's
 * page, with Settings (the session and one row) first as the baseline to read
 * them against, on the production server and real PostgreSQL, in Debian's
 * Chromium (headless). Prints each page's performance, accessibility, best
 * practices and SEO scores as a Markdown table, and under it every audit that
 * kept a category below 100, so the reason is visible. A script that prints
 * figures, not a timed test.
 *
 *   npm run build && npx tsx --tsconfig bench/tsconfig.json bench/lighthouse.ts
 *
 * DATABASE_URL selects the database (default: a local
 * afterword_lighthouse_bench; its name must contain "bench", the seed
 * deletes the bench people); BENCH_RESEED=0 keeps the account already there
 * (it is seeded anyway when missing); BENCH_PORT sets the server's port
 * (3950); BENCH_FORM_FACTOR is mobile, desktop or both (default both:
 * Lighthouse's own default is mobile, a phone on slow 4G with a 4× slower
 * CPU, simulated); CHROMIUM_PATH picks the browser (/usr/bin/chromium);
 * BENCH_RUNS=n runs Lighthouse n times on each page and reports the run
 * with the median performance score (default 1); BENCH_REPORTS=dir writes
 * each run's HTML report there.
 *
 * Performance is simulated from what the page did on this machine, so other
 * work on its two cores lowers it: use BENCH_RUNS, and run it more than once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import type { Config, Result } from 'lighthouse';
import postgres from 'postgres';
import { seedDashboardAccount } from './seed-dashboard';
import { BENCH_EMAIL, BENCH_SESSION } from './seed-large-account';
import { ensureDatabase, withProductionServer } from './server';

const PORT = Number(process.env.BENCH_PORT ?? 3950);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type FormFactor = 'mobile' | 'desktop';

function formFactors(): FormFactor[] {
  const wanted = process.env.BENCH_FORM_FACTOR ?? 'both';
  if (wanted === 'both') return ['mobile', 'desktop'];
  if (wanted === 'mobile' || wanted === 'desktop') return [wanted];
  throw new Error(`BENCH_FORM_FACTOR is mobile, desktop or both, not ${wanted}`);
}

/**
 * Lighthouse by a real import(), which Node loads as it is. A static import
 * here becomes a require() that tsx compiles with esbuild's keepNames, and
 * the functions Lighthouse runs inside the page then call an `__name` the
 * page does not have.
 */
async function loadLighthouse() {
  const { default: lighthouse, desktopConfig, generateReport } = await import('lighthouse');
  const configs: Record<FormFactor, Config | undefined> = { mobile: undefined, desktop: desktopConfig };
  return { lighthouse, configs, generateReport };
}

/** The bench person's newest sent letter (sent, delivered, opened or clicked), not a test. */
async function sentLetter(url: string): Promise<string | undefined> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [letter] = await sql`
      select l.id from letters l join users u on u.id = l.user_id
      where u.email = ${BENCH_EMAIL} and not l.is_test and l.status in ('sent', 'delivered', 'opened', 'clicked')
      order by l.created_at desc limit 1`;
    return letter?.id;
  } catch {
    return undefined; // a new database, not migrated yet
  } finally {
    await sql.end();
  }
}

type Row = { page: string; formFactor: FormFactor; result: Result; performance: number[] };

const short = (page: string) => page.replace(/[0-9a-f-]{36}/, ':id');
const score = (result: Result, name: (typeof CATEGORIES)[number]) => {
  const value = result.categories[name]?.score;
  return value === null || value === undefined ? NaN : Math.round(value * 100);
};

/** The run with the median performance score, as Lighthouse's own advice for noisy machines has it. */
function medianRun(results: Result[]): Result {
  const sorted = [...results].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Each audit that counts in a category under 100 and did not pass, with what it measured. */
function shortfalls(result: Result): string[] {
  const lines: string[] = [];
  for (const name of CATEGORIES) {
    const category = result.categories[name];
    if (!category || category.score === null || category.score >= 1) continue;
    for (const ref of category.auditRefs) {
      const audit = result.audits[ref.id];
      if (ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      const value = audit.displayValue ? ` (${audit.displayValue})` : '';
      lines.push(`  - ${name}: \`${audit.id}\` ${audit.title}${value}, score ${Math.round(audit.score * 100)}, weight ${ref.weight}`);
    }
  }
  return lines;
}

function printTable(rows: Row[], runs: number) {
  const each = runs > 1 ? ' | performance of each run' : '';
  console.log(`\n| page | form factor | performance | accessibility | best practices | SEO${each} |`);
  console.log(`|---|---|---|---|---|---${runs > 1 ? '|---' : ''}|`);
  for (const { page, formFactor, result, performance } of rows) {
    const all = runs > 1 ? ` | ${performance.join(', ')}` : '';
    console.log(`| ${short(page)} | ${formFactor} | ${CATEGORIES.map((name) => score(result, name)).join(' | ')}${all} |`);
  }
  for (const { page, formFactor, result } of rows) {
    const lines = shortfalls(result);
    const warnings = result.runWarnings.map((warning) => `  - warning: ${warning}`);
    if (lines.length || warnings.length) console.log(`\n${short(page)}, ${formFactor}${runs > 1 ? ' (the median run)' : ''}:\n${[...lines, ...warnings].join('\n')}`);
  }
  const indexes = rows.map((row) => Math.round(row.result.environment.benchmarkIndex));
  console.log(
    `\nChromium's benchmark index (this machine's CPU speed as Lighthouse measures it; lower while other work shares the cores): ${Math.min(...indexes)}–${Math.max(...indexes)}.`,
  );
}

async function main() {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/afterword_lighthouse_bench';
  if (!new URL(url).pathname.includes('bench')) throw new Error('DATABASE_URL must name a database whose name contains "bench": the seed deletes the bench people');
  const factors = formFactors();
  const runs = Number(process.env.BENCH_RUNS ?? 1);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`BENCH_RUNS is a whole number of runs, at least 1, not ${process.env.BENCH_RUNS}`);
  await ensureDatabase(url);
  let letter = await sentLetter(url);
  if (process.env.BENCH_RESEED !== '0' || !letter) {
    const started = Date.now();
    await seedDashboardAccount(url);
    console.log(`Seeded the dashboard's large account in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    letter = await sentLetter(url);
  }
  if (!letter) throw new Error('the bench person has no sent letter');
  // Settings first, the session and one row (the other benches' baseline), to read the others against.
  const pages = ['/settings', '/dashboard', '/applications', `/letters/${letter}`];
  const reports = process.env.BENCH_REPORTS;
  if (reports) mkdirSync(reports, { recursive: true });

  const { lighthouse, configs, generateReport } = await loadLighthouse();
  const rows = await withProductionServer(url, PORT, async (base) => {
    // One view of each first, unmeasured, so the server's first-request costs are not what is scored.
    for (const page of pages) await (await fetch(`${base}${page}`, { headers: { cookie: `authjs.session-token=${BENCH_SESSION}` } })).arrayBuffer();
    const chrome = await launch({
      chromePath: CHROMIUM,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const rows: Row[] = [];
      for (const formFactor of factors) {
        for (const page of pages) {
          const results: Result[] = [];
          for (let i = 0; i < runs; i++) {
            const run = await lighthouse(
              `${base}${page}`,
              { port: chrome.port, logLevel: 'error', onlyCategories: [...CATEGORIES], extraHeaders: { Cookie: `authjs.session-token=${BENCH_SESSION}` } },
              configs[formFactor],
            );
            if (!run) throw new Error(`Lighthouse gave no result for ${page}`);
            if (run.lhr.runtimeError) throw new Error(`Lighthouse failed on ${page}: ${run.lhr.runtimeError.message}`);
            if (!run.lhr.finalDisplayedUrl.endsWith(page)) throw new Error(`${page} ended on ${run.lhr.finalDisplayedUrl}: is the bench session signed in?`);
            results.push(run.lhr);
            console.log(`${formFactor} ${short(page)}, run ${i + 1} of ${runs}: performance ${score(run.lhr, 'performance')}`);
            if (reports) writeFileSync(join(reports, `${formFactor}-${page.split('/')[1]}-${i + 1}.html`), generateReport(run.lhr, 'html'));
          }
          rows.push({ page, formFactor, result: medianRun(results), performance: results.map((result) => score(result, 'performance')) });
        }
      }
      return rows;
    } finally {
      chrome.kill();
    }
  });
  printTable(rows, runs);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
