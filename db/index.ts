import { databaseConfigFromEnv, openDatabase, type Database, type DatabaseHandle } from './open';

export type { Database } from './open';

// One handle per process, kept on globalThis: `next dev` re-evaluates modules
// on every edit, and each re-evaluation would otherwise open PGlite again.
const holder = globalThis as unknown as { __afterwordDb?: DatabaseHandle };

/** The app's database, opened on first use so `next build` never opens it. */
export function getDatabase(): DatabaseHandle {
  holder.__afterwordDb ??= openDatabase(databaseConfigFromEnv());
  return holder.__afterwordDb;
}

/** Tests (and scripts) hand in their own database before anything uses it. */
export function useDatabase(handle: DatabaseHandle | undefined) {
  holder.__afterwordDb = handle;
}

/**
 * `db` reads like a plain Drizzle instance, but opens the database lazily.
 * Methods are bound to the real instance so Drizzle's `this` still works.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = getDatabase().db;
    const value = Reflect.get(real, property, real);
    return typeof value === 'function' ? value.bind(real) : value;
  },
});
