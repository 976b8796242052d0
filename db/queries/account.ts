import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import {
  applications,
  companies,
  contacts,
  dashboardChanges,
  interviews,
  letters,
  letterTemplates,
  users,
  verificationTokens,
  WAITING_TO_LEAVE,
} from '@/db/schema';

/** What a person's account holds, counted for the confirmation before it is deleted. */
export type AccountSummary = {
  email: string;
  applications: number;
  companies: number;
  interviews: number;
  contacts: number;
  letters: number;
  queuedLetters: number;
  templates: number;
};

/** The counts behind "this deletes N applications, M contacts, K letters…"; null when the person is gone. */
export async function accountSummary(userId: string, tx: Executor = db): Promise<AccountSummary | null> {
  const count = (table: typeof applications | typeof companies | typeof interviews | typeof contacts | typeof letterTemplates) =>
    sql<number>`(select count(*)::int from ${table} where ${table.userId} = ${userId})`;
  const [row] = await tx
    .select({
      email: users.email,
      applications: count(applications),
      companies: count(companies),
      interviews: count(interviews),
      contacts: count(contacts),
      templates: count(letterTemplates),
      letters: sql<number>`(select count(*)::int from ${letters} where ${letters.userId} = ${userId})`,
      queuedLetters: sql<number>`(select count(*)::int from ${letters} where ${letters.userId} = ${userId} and ${WAITING_TO_LEAVE(letters.status)})`,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Locks the person's row until the transaction ends, so nothing new is written for them meanwhile; their address, or null when they are gone. */
export async function lockAccount(tx: Executor, userId: string): Promise<string | null> {
  const [row] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).for('update');
  return row?.email ?? null;
}

/**
 * Deletes the person's row, and with it (foreign keys, on delete cascade)
 * every row they own and every session they have; then their sign-in links
 * still unused and their entries in the dashboard's change log, which have
 * no foreign key. True when there was a row to delete.
 */
export async function deleteAccountRows(tx: Executor, userId: string, email: string): Promise<boolean> {
  const deleted = await tx.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
  if (deleted.length !== 1) return false;
  await tx.delete(verificationTokens).where(sql`lower(${verificationTokens.identifier}) = lower(${email})`);
  await tx.delete(dashboardChanges).where(eq(dashboardChanges.userId, userId));
  return true;
}
