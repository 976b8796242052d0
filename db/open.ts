import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { lockDataDir } from './lock';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one database type the app sees, whichever backend is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseHandle = {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** The embedded database itself, or the server's URL: pg-boss connects with one of them. */
  pglite?: PGlite;
  url?: string;
  close: () => Promise<void>;
};

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; max?: number }
  | { kind: 'pglite'; dataDir?: string };

export function databaseConfigFromEnv(
  source: Record<string, string | undefined> = process.env,
): DatabaseConfig {
  if (source.DATABASE_URL) return { kind: 'postgres', url: source.DATABASE_URL };
  return { kind: 'pglite', dataDir: path.join(source.DATA_DIR || '.data', 'pglite') };
}

/**
 * What every PGlite the project opens must load: the search indexes (migration 0014) use
 * pg_trgm, which PGlite ships as a contrib module outside its core build.
 */
export const pgliteOptions = { extensions: { pg_trgm } };

/**
 * Opens a database. Postgres through postgres.js when a URL is given;
 * otherwise PGlite, on disk (locked to this process) or in memory for tests.
 */
export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.kind === 'postgres') {
    const client = postgres(config.url, {
      max: config.max ?? 10,
      connect_timeout: 5,
      onnotice: () => {},
    });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Database,
      kind: 'postgres',
      url: config.url,
      close: () => client.end({ timeout: 5 }),
    };
  }

  const release = config.dataDir ? lockDataDir(config.dataDir) : () => {};
  let client: PGlite;
  try {
    client = new PGlite({ ...pgliteOptions, dataDir: config.dataDir });
  } catch (error) {
    release();
    throw error;
  }
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    kind: 'pglite',
    pglite: client,
    close: async () => {
      await client.close();
      release();
    },
  };
}
