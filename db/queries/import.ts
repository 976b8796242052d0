import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/executor';
import { nameKey } from '@/db/name-key';
import { activities, applications, companies, stageChanges } from '@/db/schema';
import type { ImportRow } from '@/lib/csv/import-plan';
import type { ApplicationStage } from '@/lib/pipeline/stages';

// Well under Postgres's 65,535 parameters per statement at a dozen columns a row.
const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * The person's company for each name, as typed, created where missing: the
 * same rule as findOrCreateCompany (one company per name key), in two
 * statements per thousand names instead of two per row. The first spelling
 * of a new company names it; every other spelling finds it, because each
 * name is matched in the database on the key its unique index holds, and is
 * never given a key of its own here.
 */
export async function companiesByName(tx: Executor, userId: string, names: readonly string[]) {
  const ids = new Map<string, string>();
  for (const part of chunks([...new Set(names)])) {
    // Spellings of one new company in the same statement: the first is written, the rest conflict and are skipped.
    await tx.insert(companies).values(part.map((name) => ({ userId, name }))).onConflictDoNothing();
    // Joined back by position, not by the text that comes back, which the driver may have re-encoded.
    const typed = sql`unnest(array[${sql.join(part.map((name) => sql`${name}`), sql`, `)}]::text[]) with ordinality as typed(name, n)`;
    const rows = await tx
      .select({ n: sql<number>`typed.n`.mapWith(Number), id: companies.id })
      .from(companies)
      .innerJoin(typed, eq(nameKey(companies.name), nameKey(sql`typed.name`)))
      .where(eq(companies.userId, userId));
    for (const row of rows) ids.set(part[row.n - 1], row.id);
  }
  return ids;
}

/** One imported application, its id and company already settled. */
export type ImportedApplication = { id: string; company: string; companyId: string; stage: ApplicationStage; row: ImportRow };

/**
 * Writes imported applications with what each one added by hand gets (its
 * first stage-history entry, its timeline event), in bulk statements: row by
 * row, 5,000 rows took about a minute.
 */
export async function insertImportedApplications(tx: Executor, userId: string, created: readonly ImportedApplication[], now: Date) {
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
}
