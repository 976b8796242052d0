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
import postgres from 'postgres';
import { seedLargeAccount } from './seed-large-account';
import { ensureDatabase, measurePages, pageWeights, printResults, requireWrk, withProductionServer } from './server';

const PORT = 3900;

async function main() {
  requireWrk();
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/afterword_bench';
  await ensureDatabase(url);
  if (process.env.BENCH_RESEED !== '0') await seedLargeAccount(url);

  const sql = postgres(url, { max: 1 });
  const [app] = await sql`
    select a.id from applications a join users u on u.id = a.user_id
    where u.email = 'bench@afterword.test' and a.stage = 'interviewing' order by a.id limit 1`;
  const [contact] = await sql`
    select c.id from contacts c join users u on u.id = c.user_id where u.email = 'bench@afterword.test' order by c.id limit 1`;
  await sql.end();

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
  await withProductionServer(url, PORT, async (base) => {
    const weights = await pageWeights(base, pages);
    printResults(measurePages(base, pages), 'Settings', weights);
  });
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
