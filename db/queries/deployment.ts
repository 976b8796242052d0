import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db';
import { MIGRATION_LOCK } from '@/db/migrate';
import { workerHeartbeats } from '@/db/schema';
import { rowsOf } from '@/db/rows';

// Workers belong to the deployment, not to a person.

/** A worker says it is alive. */
export async function noteWorkerAlive(worker: string, startedAt: Date): Promise<void> {
  await db
    .insert(workerHeartbeats)
    .values({ worker, startedAt, seenAt: sql`now()` })
    .onConflictDoUpdate({ target: workerHeartbeats.worker, set: { seenAt: sql`now()` } });
}

/** When any worker was last heard from, and how many were heard from in the last minute. */
export async function workerLiveness(): Promise<{ lastSeenAt: Date | null; secondsAgo: number | null; live: number }> {
  const [row] = await rowsOf<{ last_seen_at: Date | string | null; seconds_ago: number | string | null; live: number }>(sql`
    select max(seen_at) as last_seen_at, extract(epoch from now() - max(seen_at)) as seconds_ago,
      count(*) filter (where seen_at > now() - interval '1 minute')::int as live
    from worker_heartbeats`);
  return {
    lastSeenAt: row.last_seen_at ? new Date(row.last_seen_at) : null,
    secondsAgo: row.seconds_ago === null ? null : Math.round(Number(row.seconds_ago)),
    live: row.live,
  };
}

/** Housekeeping: workers not heard from for a day are gone. */
export async function forgetSilentWorkers(): Promise<number> {
  const deleted = await db.execute(sql`delete from worker_heartbeats where seen_at < now() - interval '1 day'`);
  return (deleted as unknown as { count?: number }).count ?? 0;
}

/**
 * Whether some instance is applying migrations now: it holds the advisory
 * lock (a bigint key shows in pg_locks as objid, the low 32 bits, with
 * classid 0, the high ones, and objsubid 1).
 */
export async function migrationRunning(): Promise<boolean> {
  const [row] = await rowsOf<{ running: boolean }>(sql`
    select exists (
      select 1 from pg_locks
      where locktype = 'advisory' and classid = 0 and objid = ${MIGRATION_LOCK} and objsubid = 1 and granted
    ) as running`);
  return row.running;
}
