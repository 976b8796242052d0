/**
 * EXPLAIN ANALYZE of every dashboard query on the large account
 * (bench/seed-dashboard.ts): first the snapshot read, all a view with
 * nothing written since the last one runs; then what computing the sections
 * runs: each statement What is due sends (caught as the section runs them,
 * the checks of the letters owed included), and each Outcomes query for the
 * default period and for all time. For each: server time, pages read, the
 * indexes its plan uses, and two warnings:
 *
 * - a sequential scan of a big table. The account is one of two people who
 *   each own half of every table, so Postgres may rightly prefer reading the
 *   whole table; the plan is then made again with sequential scans off, and
 *   if one remains, no index can serve the query: the script exits 1.
 * - a loose index: a scan that throws away more rows than it keeps (over
 *   1,000), i.e. the index finds the person but not the rows asked for.
 *
 * Then the wall time of the whole section (all its queries at once, as the page
 * runs them).
 *
 *   DATABASE_URL=postgres://…/afterword_dashboard_bench npx tsx --tsconfig bench/tsconfig.json bench/explain-dashboard.ts
 *
 * BENCH_SEED=1 seeds the account first.
 */
import postgres from 'postgres';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import { loadWhatIsDue } from '@/app/(app)/dashboard/due/load-due';
import { loadOutcomes, OUTCOME_QUERIES, outcomesSnapshotKey } from '@/app/(app)/dashboard/outcomes/load-outcomes';
import { useDatabase } from '@/db';
import { type Database, openDatabase } from '@/db/open';
import { snapshotQuery } from '@/db/queries/dashboard-snapshot';
import { outcomeScope } from '@/db/queries/outcomes/scope';
import * as schema from '@/db/schema';
import { DEFAULT_PERIOD } from '@/lib/dashboard/period';
import { seedDashboardAccount } from './seed-dashboard';
import { BENCH_EMAIL } from './seed-large-account';

/** Tables with thousands of rows a person: a sequential scan of one reads everyone's rows. */
const BIG_TABLES = new Set(['applications', 'stage_changes', 'contacts', 'interviews', 'activities', 'letters', 'letter_recipients', 'letter_events', 'replies']);

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

/** A statement as sent: its text with $1… placeholders, and their values. */
type Statement = { text: string; params: unknown[] };
type Client = postgres.Sql | postgres.TransactionSql;

const dialect = new PgDialect();
const statementOf = (query: SQL): Statement => {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { text, params };
};

async function plan(client: Client, statement: Statement, options: string): Promise<Explained> {
  const [row] = await client.unsafe(`explain ${options} ${statement.text}`, statement.params as postgres.ParameterOrJSON<never>[]);
  const raw = row['QUERY PLAN'] as Explained[] | string;
  return (typeof raw === 'string' ? (JSON.parse(raw) as Explained[]) : raw)[0];
}

const seqScansOf = (root: PlanNode) => {
  const tables = new Set<string>();
  walk(root, (node) => {
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && BIG_TABLES.has(node['Relation Name'])) tables.add(node['Relation Name']);
  });
  return [...tables].sort();
};

async function examine(client: postgres.Sql, statement: Statement) {
  const analyzed = await plan(client, statement, '(analyze, buffers, format json)');
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
    ? await client.begin(async (tx) => {
        await tx`set local enable_seqscan = off`;
        return seqScansOf((await plan(tx, statement, '(format json)')).Plan);
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

async function wallTimes(load: () => Promise<unknown>, runs = 20) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await load();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs / 2)], p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))] };
}

/**
 * Every distinct statement What is due sends, caught by a logging connection
 * while the section loads as the page loads it; a statement repeated for
 * each row checked is examined once.
 */
async function dueStatements(client: postgres.Sql, url: string, userId: string) {
  const caught = new Map<string, Statement>();
  const logging = drizzle(client, {
    schema,
    logger: { logQuery: (text, params) => void (caught.has(text) || caught.set(text, { text, params })) },
  });
  useDatabase({ db: logging as unknown as Database, kind: 'postgres', url, close: async () => {} });
  try {
    await loadWhatIsDue(userId, new Date());
  } finally {
    useDatabase(undefined);
  }
  // Named by the table each reads first: enough to tell them apart in a table.
  return [...caught.values()].map((statement, i) => ({
    name: `${i + 1}. ${/ from "(\w+)"/.exec(statement.text)?.[1] ?? '?'}`,
    statement,
  }));
}

const list = (items: string[]) => items.join(', ') || '–';
const HEADER = `| query | server ms | pages | indexes used | sequential scans (planner's choice) | loose index scans |\n|---|---|---|---|---|---|`;

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the PostgreSQL database holding the large account.');
  if (process.env.BENCH_SEED === '1') await seedDashboardAccount(url);
  const client = postgres(url, { max: 6, onnotice: () => {} });
  const handle = openDatabase({ kind: 'postgres', url, max: 6 });
  const unindexed: string[] = [];
  const report = async (name: string, statement: Statement) => {
    const r = await examine(client, statement);
    for (const table of r.unindexed) unindexed.push(`${name}: ${table}`);
    const seq = r.seqScans.map((t) => (r.unindexed.includes(t) ? `${t} (NO INDEX)` : t));
    console.log(`| ${name} | ${r.ms.toFixed(1)} | ${r.pages} | ${list(r.indexes)} | ${list(seq)} | ${list(r.loose)} |`);
  };
  try {
    const [person] = await client<{ id: string }[]>`select id from users where email = ${BENCH_EMAIL}`;
    if (!person) throw new Error(`No ${BENCH_EMAIL}: seed the account first (BENCH_SEED=1).`);

    console.log(`\nA view with nothing written since the last: the snapshot of each section\n${HEADER}`);
    for (const key of ['due', outcomesSnapshotKey(DEFAULT_PERIOD)]) await report(`snapshot ${key}`, statementOf(snapshotQuery(person.id, key, new Date(0))));

    console.log(`\nWhat is due, when it is computed: each statement\n${HEADER}`);
    for (const { name, statement } of await dueStatements(client, url, person.id)) await report(`due ${name}`, statement);
    useDatabase(handle);
    const due = await wallTimes(() => loadWhatIsDue(person.id, new Date()));
    console.log(`\nThe whole section, 20 runs: p50 ${due.p50.toFixed(1)} ms, p95 ${due.p95.toFixed(1)} ms`);

    for (const period of [DEFAULT_PERIOD, 'all'] as const) {
      console.log(`\nOutcomes, period ${period}\n${HEADER}`);
      for (const [name, build] of Object.entries(OUTCOME_QUERIES)) {
        await report(`${name} (${period})`, statementOf(build(outcomeScope(person.id, period))));
      }
      const wall = await wallTimes(() => loadOutcomes(person.id, period));
      console.log(`\nAll ${Object.keys(OUTCOME_QUERIES).length} at once (as the page runs them), 20 runs: p50 ${wall.p50.toFixed(1)} ms, p95 ${wall.p95.toFixed(1)} ms`);
    }
  } finally {
    await handle.close();
    await client.end();
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
