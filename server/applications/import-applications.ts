import 'server-only';
import { db } from '@/db';
import { companiesByName, insertImportedApplications } from '@/db/queries/import';
import type { ImportRow } from '@/lib/csv/import-plan';
import { firstStage } from '@/lib/pipeline/stages';

/**
 * A person imports applications from a CSV file, all at once or not at all:
 * a failure on row 400 must not leave 399 behind for them to clean up. Each
 * gets what one added by hand gets: its company, reused by name however typed;
 * its first stage; its history and timeline event.
 */
export async function importApplications(userId: string, rows: readonly ImportRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return db.transaction(async (tx) => {
    const companyIds = await companiesByName(
      tx,
      userId,
      rows.map((row) => row.company.trim()),
    );
    const created = rows.map((row) => {
      const company = row.company.trim();
      return { id: crypto.randomUUID(), company, companyId: companyIds.get(company)!, row, stage: firstStage(row) };
    });
    await insertImportedApplications(tx, userId, created, new Date());
    return rows.length;
  });
}
