/**
 * EXPLAIN ANALYZE of every Outcomes query on the large account
 * (bench/seed-dashboard.ts), for the default period and for all time:
 * server time, pages read, the indexes each plan uses, and two warnings:
 *
 * - a sequential scan of a big table. The account is one of two people who
 *   each own half of every table, so Postgres may rightly prefer reading the
 *   whole table; the plan is then made again with sequential scans off, and
 *   if one remains, no index can serve the query: the script exits 1.
 * - a loose index: a scan that throws away more rows than it keeps (over
 *   1,000), i.e. the index finds the person but not the rows asked for.
 *
 * Then the wall time of the whole section (six queries at once, as the page
 * runs them).
 *
 *   DATABASE_URL=postgres://…/afterword_dashboard_bench npx tsx --tsconfig bench/tsconfig.json bench/explain-dashboard.ts
 *
 * BENCH_SEED=1 seeds the account first.
 */
import { sql, type SQL } from 'drizzle-orm';
import { db, useDatabase } from '@/db';
import { OUTCOME_QUERIES, loadOutcomes } from '@/db/queries/outcomes/load';
import { outcomeScope, rowsOf } from '@/db/queries/outcomes/scope';
import { openDatabase } from '@/db/open';
import { DEFAULT_PERIOD, type Period } from '@/lib/dashboard/period';
import { seedDashboardAccount } from './seed-dashboard';
import { BENCH_EMAIL } from './seed-large-account';

/** Tables with thousands of rows a person: a sequential scan of one reads everyone's rows. */
const BIG_TABLES = new Set(['applications', 'stage_changes', 'contacts', 'interviews', 'activities', 'letters', 'letter_recipients', 'letter_events']);

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
};
type Explained = { Plan: PlanNode; 'Execution Time'?: number };

function walk(node: PlanNode, visit: (node: PlanNode) => void) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

async function plan(query: SQL, options: SQL, executor: Pick<typeof db, 'execute'> = db): Promise<Explained> {
  const [row] = await rowsOf<{ 'QUERY PLAN': Explained[] | string }>(sql`explain ${options} ${query}`, executor as typeof db);
  const raw = row['QUERY PLAN'];
  return (typeof raw === 'string' ? (JSON.parse(raw) as Explained[]) : raw)[0];
}

const seqScansOf = (root: PlanNode) => {
  const tables = new Set<string>();
  walk(root, (node) => {
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && BIG_TABLES.has(node['Relation Name'])) tables.add(node['Relation Name']);
  });
  return [...tables].sort();
};

async function examine(query: SQL) {
  const analyzed = await plan(query, sql`(analyze, buffers, format json)`);
  const indexes = new Set<string>();
  const loose: string[] = [];
  walk(analyzed.Plan, (node) => {
    if (node['Index Name']) indexes.add(node['Index Name']);
    const kept = (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1);
    const removed = (node['Rows Removed by Filter'] ?? 0) * (node['Actual Loops'] ?? 1);
    const viaIndex = node['Node Type'] !== 'Seq Scan';
    if (viaIndex && node['Relation Name'] && BIG_TABLES.has(node['Relation Name']) && removed > 1000 && removed > kept) {
      loose.push(`${node['Relation Name']} (keeps ${kept} of ${kept + removed})`);
    }
  });
  const seqScans = seqScansOf(analyzed.Plan);
  // Would an index do, if Postgres did not prefer the sequential scan?
  const unindexed = seqScans.length
    ? await db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return seqScansOf((await plan(query, sql`(format json)`, tx)).Plan);
      })
    : [];
  return {
    ms: analyzed['Execution Time'] ?? 0,
    // Pages touched: the work a plan does, steadier than time on a shared machine.
    pages: (analyzed.Plan['Shared Hit Blocks'] ?? 0) + (analyzed.Plan['Shared Read Blocks'] ?? 0),
    indexes: [...indexes].sort(),
    seqScans,
    unindexed,
    loose,
  };
}

async function wallTimes(userId: string, period: Period, runs = 20) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await loadOutcomes(userId, period);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs / 2)], p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))] };
}

const list = (items: string[]) => items.join(', ') || '–';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the PostgreSQL database holding the large account.');
  if (process.env.BENCH_SEED === '1') await seedDashboardAccount(url);
  const handle = openDatabase({ kind: 'postgres', url, max: 6 });
  useDatabase(handle);
  const unindexed: string[] = [];
  try {
    const [person] = await rowsOf<{ id: string }>(sql`select id from users where email = ${BENCH_EMAIL}`);
    if (!person) throw new Error(`No ${BENCH_EMAIL}: seed the account first (BENCH_SEED=1).`);
    for (const period of [DEFAULT_PERIOD, 'all'] as const) {
      console.log(`\nperiod ${period}\n| query | server ms | pages | indexes used | sequential scans (planner's choice) | loose index scans |`);
      console.log('|---|---|---|---|---|---|');
      for (const [name, build] of Object.entries(OUTCOME_QUERIES)) {
        const r = await examine(build(outcomeScope(person.id, period)));
        for (const table of r.unindexed) unindexed.push(`${name} (${period}): ${table}`);
        const seq = r.seqScans.map((t) => (r.unindexed.includes(t) ? `${t} (NO INDEX)` : t));
        console.log(`| ${name} | ${r.ms.toFixed(1)} | ${r.pages} | ${list(r.indexes)} | ${list(seq)} | ${list(r.loose)} |`);
      }
      const wall = await wallTimes(person.id, period);
      console.log(`\nAll six at once (as the page runs them), 20 runs: p50 ${wall.p50.toFixed(1)} ms, p95 ${wall.p95.toFixed(1)} ms`);
    }
  } finally {
    await handle.close();
  }
  if (unindexed.length) {
    console.error(`\nNo index can serve: ${unindexed.join('; ')}.`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
