import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { DatabaseHandle } from './open';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/**
 * The advisory lock migrations are applied under ("afterword migrate" as a
 * number): instances starting together migrate once, the others wait for it
 * and then find nothing left to do. Readiness reads it too.
 */
export const MIGRATION_LOCK = 4_177_020_512;

let pgliteTurn: Promise<void> = Promise.resolve();

/**
 * Applies the committed SQL migrations. Both migrators keep drizzle-kit's
 * journal table, so a database is migrated the same way on either backend.
 * On Postgres it is done on a connection of its own, holding the lock for
 * the whole run (a session lock: taken and freed on that one connection).
 * PGlite has one process by construction (its data folder is locked), and
 * starts within it take turns.
 */
export async function migrateDatabase(handle: DatabaseHandle) {
  if (handle.kind === 'pglite') {
    // One connection, so an advisory lock would not keep two starts apart: they take turns here.
    const turn = pgliteTurn.then(() => migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder }));
    pgliteTurn = turn.catch(() => {});
    await turn;
    return;
  }
  if (!handle.url) throw new Error('A Postgres database is migrated on a connection of its own, so its handle needs the URL.');
  const client = postgres(handle.url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK}::bigint)`;
    await migratePostgres(drizzle(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK}::bigint)`;
  } finally {
    // Ending the connection frees the lock too, should the migration have failed.
    await client.end({ timeout: 5 });
  }
}
