import 'server-only';
import type { SQL } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';

/** Runs a raw statement; postgres.js answers with an array, PGlite with `{ rows }`. */
export async function rowsOf<T>(query: SQL, executor: Executor = db): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
