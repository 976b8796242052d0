import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { activities, applications, companies, stageChanges } from '@/db/schema';
import type { ImportRow } from '@/lib/csv/import-plan';

// Well under Postgres's 65,535 parameters per statement at a dozen columns a row.
const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * The person's companies by lower-cased name, created where missing: the
 * same rule as findOrCreateCompany (one company per name, any case), in two
 * statements per thousand names instead of two per row.
 */
async function companiesByName(tx: Executor, userId: string, names: readonly string[]) {
  const byKey = new Map<string, string>();
  for (const name of names) if (!byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
  const ids = new Map<string, string>();
  for (const part of chunks([...byKey.values()])) {
    await tx.insert(companies).values(part.map((name) => ({ userId, name }))).onConflictDoNothing();
    const rows = await tx
      .select({ id: companies.id, key: sql<string>`lower(${companies.name})` })
      .from(companies)
      .where(and(eq(companies.userId, userId), inArray(sql`lower(${companies.name})`, part.map((n) => n.toLowerCase()))));
    for (const row of rows) ids.set(row.key, row.id);
  }
  return ids;
}

/**
 * Writes imported applications all at once or not at all: a failure on row
 * 400 must not leave 399 behind for the person to clean up. Each gets what
 * createApplication gives one added by hand (its company, reused by name in
 * any case; its first stage-history entry; its timeline event), but in bulk
 * statements: row by row, 5,000 rows took about a minute.
 */
export async function importApplications(userId: string, rows: readonly ImportRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return db.transaction(async (tx) => {
    const companyIds = await companiesByName(
      tx,
      userId,
      rows.map((row) => row.company.trim()),
    );
    const now = new Date();
    const created = rows.map((row) => {
      const company = row.company.trim();
      return {
        id: crypto.randomUUID(),
        company,
        companyId: companyIds.get(company.toLowerCase())!,
        row,
        stage: row.stage ?? (row.appliedOn ? ('applied' as const) : ('wishlist' as const)),
      };
    });
    for (const part of chunks(created)) {
      await tx.insert(applications).values(
        part.map(({ id, companyId, row, stage }) => ({
          id,
          userId,
          companyId,
          position: row.position,
          jobUrl: row.jobUrl,
          location: row.location,
          source: row.source,
          appliedOn: row.appliedOn,
          notes: row.notes,
          stage,
          stageChangedAt: now,
          lastActivityAt: now,
        })),
      );
      await tx
        .insert(stageChanges)
        .values(part.map(({ id, stage }) => ({ userId, applicationId: id, fromStage: null, toStage: stage, changedAt: now })));
      await tx.insert(activities).values(
        part.map(({ id, company, row, stage }) => ({
          userId,
          kind: 'application_created' as const,
          applicationId: id,
          detail: { company, position: row.position, stage },
          occurredAt: now,
        })),
      );
    }
    return rows.length;
  });
}
