import 'server-only';
import { db } from '@/db';
import type { ImportRow } from '@/lib/csv/import-plan';
import { createApplication } from './applications';

/**
 * Writes imported applications all at once or not at all: a failure on row
 * 400 must not leave 399 behind for the person to find and clean up. Each
 * row goes through createApplication, so it gets its company (reused by
 * name, any case), its first stage-history entry and its timeline event
 * exactly as an application added by hand does.
 */
export async function importApplications(userId: string, rows: readonly ImportRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return db.transaction(async (tx) => {
    for (const row of rows) await createApplication(userId, row, tx);
    return rows.length;
  });
}
