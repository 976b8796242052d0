import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { useDatabase, type Database } from '@/db';
import { openDatabase, pgliteOptions, type DatabaseHandle } from '@/db/open';
import * as schema from '@/db/schema';
import { withDatabase } from './global-setup';

async function createDatabase(): Promise<DatabaseHandle & { drop: () => Promise<void> }> {
  if (process.env.TEST_DATABASE === 'postgres') {
    const url = process.env.DATABASE_URL!;
    const name = `afterword_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${inject('postgresTemplate')}"`);
    const handle = openDatabase({ kind: 'postgres', url: withDatabase(url, name), max: 4 });
    return {
      ...handle,
      drop: async () => {
        await handle.close();
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      },
    };
  }
  const dump = new Blob([Buffer.from(inject('pgliteDump'), 'base64')]);
  const client = new PGlite({ ...pgliteOptions, loadDataDir: dump });
  const db = drizzle(client, { schema }) as unknown as Database;
  const close = () => client.close();
  return { db, kind: 'pglite', pglite: client, close, drop: close };
}

/** Every table the app owns, for emptying between tests. */
async function truncateAll(db: Database) {
  const tables = Object.values(schema)
    .filter((value): value is typeof schema.users => typeof value === 'object' && value !== null && Symbol.for('drizzle:Name') in value)
    .map((table) => `"${(table as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')]}"`);
  await db.execute(sql.raw(`truncate ${tables.join(', ')} cascade`));
}

/**
 * Gives this test file its own fresh, migrated database (on the backend the
 * Vitest project names), installs it as the app's `db`, and empties it
 * before each test so tests never share state.
 */
export function setupTestDatabase() {
  let handle: Awaited<ReturnType<typeof createDatabase>>;
  beforeAll(async () => {
    handle = await createDatabase();
    useDatabase(handle);
  });
  beforeEach(async () => {
    await truncateAll(handle.db);
  });
  afterAll(async () => {
    useDatabase(undefined);
    await handle?.drop();
  });
  return { get db() { return handle.db; }, get kind() { return handle.kind; } };
}
