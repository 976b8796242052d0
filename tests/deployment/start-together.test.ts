import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as ready } from '@/app/api/ready/route';
import { db } from '@/db';
import { MIGRATION_LOCK, migrateDatabase, migrationsFolder } from '@/db/migrate';
import { noteWorkerAlive } from '@/db/queries/deployment';
import { rowsOf } from '@/db/rows';
import { openDatabase } from '@/db/open';
import { resetEnv } from '@/env';
import { startServer } from '@/server/start';
import { stopLetterWorker } from '@/server/queue/worker';
import { withDatabase } from '../support/global-setup';
import { setupTestDatabase } from '../support/database';

const database = setupTestDatabase();

afterEach(async () => {
  vi.unstubAllEnvs();
  resetEnv();
  await stopLetterWorker();
});

const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };

/**
 * Holds the migration lock as another instance would while it migrates:
 * on Postgres from a connection of its own; PGlite has one connection.
 */
async function holdMigrationLock(): Promise<() => Promise<void>> {
  if (database.kind === 'pglite') {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK}::bigint)`);
    return async () => void (await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK}::bigint)`));
  }
  // This file's own database, not the run's: the lock is per database.
  const [{ name }] = await rowsOf<{ name: string }>(sql`select current_database() as name`);
  const instance = postgres(withDatabase(process.env.DATABASE_URL!, name), { max: 1, onnotice: () => {} });
  await instance`select pg_advisory_lock(${MIGRATION_LOCK}::bigint)`;
  return () => instance.end();
}

describe('instances starting together', () => {
  it('migrate once: three at the same moment on an empty database leave every migration applied exactly once', async () => {
    if (database.kind === 'pglite') {
      // PGlite has one process by construction; three starts in it still apply each migration once.
      const handle = openDatabase({ kind: 'pglite' });
      await Promise.all([migrateDatabase(handle), migrateDatabase(handle), migrateDatabase(handle)]);
      const applied = (await handle.db.execute(sql`select hash from drizzle.__drizzle_migrations`)) as unknown as { rows: unknown[] };
      expect(applied.rows).toHaveLength(journal.entries.length);
      await handle.close();
      return;
    }
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const name = `afterword_together_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await admin.unsafe(`create database "${name}"`);
    const handles = [0, 1, 2].map(() => openDatabase({ kind: 'postgres', url: withDatabase(process.env.DATABASE_URL!, name), max: 1 }));
    try {
      await Promise.all(handles.map((handle) => migrateDatabase(handle)));
      const applied = (await handles[0].db.execute(sql`select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash`)) as unknown as {
        n: number;
      }[];
      expect(applied).toHaveLength(journal.entries.length);
      expect(applied.every((row) => row.n === 1)).toBe(true);
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });

  it('are not ready until started, then ready, and not ready while any instance migrates', async () => {
    expect(await (await ready()).json()).toEqual({ ready: false, reason: 'starting' });

    vi.stubEnv('RUN_WORKER', '0');
    resetEnv();
    await startServer('web');
    const started = await ready();
    expect(started.status).toBe(200);
    // RUN_WORKER=0: this web process runs no queue, so no worker has said it is alive.
    expect((await (await health()).json()).worker).toEqual({ live: 0, lastSeenSecondsAgo: null });

    const release = await holdMigrationLock();
    const migrating = await ready();
    expect(migrating.status).toBe(503);
    expect(await migrating.json()).toEqual({ ready: false, reason: 'migrating' });
    await release();
    expect((await ready()).status).toBe(200);
  });
});

describe('health', () => {
  it('says when a worker was last heard from, and how many are alive, without failing when none is', async () => {
    const before = await health();
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ ok: true, database: 'up', worker: { live: 0, lastSeenSecondsAgo: null } });

    await noteWorkerAlive('host-a:1:1', new Date());
    await noteWorkerAlive('host-b:2:2', new Date());
    await db.execute(sql`update worker_heartbeats set seen_at = now() - interval '5 minutes' where worker = 'host-b:2:2'`);
    expect((await (await health()).json()).worker).toEqual({ live: 1, lastSeenSecondsAgo: 0 });
  });

  it('counts a worker that starts as alive at once', async () => {
    vi.stubEnv('RUN_WORKER', '1');
    resetEnv();
    await startServer('web');
    expect((await (await health()).json()).worker.live).toBe(1);
  });
});
