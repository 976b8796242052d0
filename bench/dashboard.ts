/**
 * The signed-in dashboard on the dashboard's large account
 * (bench/seed-dashboard.ts), against the production server on real
 * PostgreSQL: wrk (10 connections, 10 s) on /dashboard at the default period
 * and at all time, in the same run as the baseline Settings page (the same
 * session cost, one row read). Prints p50/p95 and each p95 as a ratio to
 * Settings'; the goal is the dashboard within 2×.
 *
 *   npm run build && npx tsx --tsconfig bench/tsconfig.json bench/dashboard.ts
 *
 * DATABASE_URL selects the database (default: a local afterword_dashboard_bench,
 * apart from bench/pages.ts's smaller account); BENCH_RESEED=0 keeps the
 * account already there; BENCH_PAGES=/a,/b measures other pages after Settings;
 * BENCH_PORT sets the server's port (3901). SQL time alone:
 * bench/explain-dashboard.ts.
 */
import { seedDashboardAccount } from './seed-dashboard';
import { ensureDatabase, measurePages, pageWeights, printResults, requireWrk, withProductionServer } from './server';

const PORT = Number(process.env.BENCH_PORT ?? 3901);
const PAGES = process.env.BENCH_PAGES?.split(',') ?? ['/dashboard', '/dashboard?period=all'];

async function main() {
  requireWrk();
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/afterword_dashboard_bench';
  await ensureDatabase(url);
  if (process.env.BENCH_RESEED !== '0') {
    const started = Date.now();
    await seedDashboardAccount(url);
    console.log(`Seeded the dashboard's large account in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  }
  const pages = ['/settings', ...PAGES];
  await withProductionServer(url, PORT, async (base) => {
    const weights = await pageWeights(base, pages);
    printResults(measurePages(base, pages), 'Settings', weights);
  });
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
