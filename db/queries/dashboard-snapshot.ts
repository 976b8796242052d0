import 'server-only';
import { deserialize, serialize } from 'node:v8';
import { sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { daysBefore } from '@/lib/time/days';
import { at } from './outcomes/scope';
import { rowsOf } from '@/db/rows';

/** What a snapshot holds, and when it was computed. */
export type Snapshot<T> = { data: T; computedAt: Date };

type SnapshotRow = { version: string; changes: number; data: Uint8Array | null; computed_at: Date | string | null };

/**
 * One view of the dashboard (`key`) for one person, from their snapshot when
 * nothing of theirs has been written since it was computed and it is younger
 * than `maxAgeMs`; otherwise computed now and kept for the next view.
 *
 * What was written is read from the change log the database's triggers
 * keep, never from the code that wrote: the log's last id and its length are
 * read before computing and stored beside the result. A write that commits
 * while the figures are computed moves one or the other, so the snapshot it
 * missed is never taken as current. The age limit is for what changes with
 * the clock alone: an interview turns three days old, a follow-up comes due.
 *
 * v8's serializer keeps Dates and Maps as they were; a snapshot it cannot
 * read (written by another Node version) is computed again.
 */
export async function fromSnapshot<T>(
  userId: string,
  key: string,
  maxAgeMs: number,
  compute: () => Promise<T>,
  { now = new Date(), executor = db }: { now?: Date; executor?: Executor } = {},
): Promise<Snapshot<T>> {
  const [row] = await rowsOf<SnapshotRow>(snapshotQuery(userId, key, new Date(now.getTime() - maxAgeMs)), executor);
  if (row.data && row.computed_at) {
    const kept = readSnapshot<T>(row.data);
    if (kept !== undefined) return { data: kept, computedAt: new Date(row.computed_at) };
  }
  const data = await compute();
  await executor.execute(sql`
    insert into dashboard_snapshots (user_id, key, data, last_change_id, changes, computed_at)
    values (${userId}, ${key}, ${serialize(data)}, ${row.version}::bigint, ${row.changes}, ${at(now)})
    on conflict (user_id, key) do update set data = excluded.data, last_change_id = excluded.last_change_id,
      changes = excluded.changes, computed_at = excluded.computed_at`);
  return { data, computedAt: now };
}

/**
 * The change log's state (its last id and length, from its (user_id, id)
 * index) and the snapshot of `key` computed since `since`, if it was
 * computed at that state: one statement, the only one a view with nothing
 * changed runs (the dashboard's EXPLAIN bench reads it too).
 */
export function snapshotQuery(userId: string, key: string, since: Date) {
  return sql`
    select log.version, log.changes, s.data, s.computed_at
    from (select coalesce(max(id), 0)::text as version, count(*)::int as changes
          from dashboard_changes where user_id = ${userId}) log
    left join dashboard_snapshots s on s.user_id = ${userId} and s.key = ${key}
      and s.last_change_id = log.version::bigint and s.changes = log.changes
      and s.computed_at > ${at(since)}`;
}

function readSnapshot<T>(bytes: Uint8Array): T | undefined {
  try {
    return deserialize(bytes) as T;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the change log short: entries older than a day go, but each person's
 * newest stays. A prune that removes some of a person's entries changes the
 * log's length, so their snapshots are computed once more on their next
 * view, no worse than the age limit. A deleted person's entries go too. Run
 * by the housekeeping job.
 */
export async function pruneDashboardChanges(now: Date = new Date(), executor: Executor = db): Promise<void> {
  await executor.execute(sql`
    delete from dashboard_changes c
    where not exists (select 1 from users u where u.id = c.user_id)
       or (c.changed_at < ${at(daysBefore(now, 1))}
           and c.id < (select max(n.id) from dashboard_changes n where n.user_id = c.user_id))`);
}
