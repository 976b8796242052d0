import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/executor';
import { nameKey } from '@/db/name-key';
import { companies } from '@/db/schema';

/**
 * The company with this name (in any case or Unicode form) for this person,
 * created on first use: a second application to the same company links to
 * the same record.
 */
export async function findOrCreateCompany(tx: Executor, userId: string, name: string, website?: string | null) {
  const trimmed = name.trim();
  // The only unique key besides the id is (user, name key), so a conflict means it exists,
  // and the look-up below, on the same key, finds it.
  await tx.insert(companies).values({ userId, name: trimmed, website: website ?? null }).onConflictDoNothing();
  const [company] = await tx
    .select()
    .from(companies)
    .where(and(eq(companies.userId, userId), eq(nameKey(companies.name), nameKey(trimmed))));
  if (website && !company.website) {
    await tx
      .update(companies)
      .set({ website, updatedAt: sql`now()` })
      .where(and(eq(companies.userId, userId), eq(companies.id, company.id)));
    company.website = website;
  }
  return company;
}
