import 'server-only';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { db } from '@/db';
import { contacts, flaggedAddresses, letters } from '@/db/schema';

/** The letters already written for an application (tests excluded), newest first: one indexed query. */
export async function applicationLetters(userId: string, applicationId: string) {
  return db
    .select({
      id: letters.id,
      kind: letters.kind,
      interviewId: letters.interviewId,
      status: letters.status,
      deliveredLocally: letters.deliveredLocally,
      createdAt: letters.createdAt,
    })
    .from(letters)
    .where(and(eq(letters.userId, userId), eq(letters.applicationId, applicationId), eq(letters.isTest, false)))
    .orderBy(desc(letters.createdAt));
}

export type ApplicationLetter = Awaited<ReturnType<typeof applicationLetters>>[number];

/**
 * Why a contact's address is not written to (it bounced, or its owner
 * complained), or null; and whether the contact was saved since.
 */
export async function contactAddressFlag(userId: string, contactId: string) {
  const [flag] = await db
    .select({
      reason: flaggedAddresses.reason,
      letterId: flaggedAddresses.letterId,
      createdAt: flaggedAddresses.createdAt,
      editedSince: sql<boolean>`${contacts.updatedAt} > ${flaggedAddresses.createdAt}`,
    })
    .from(contacts)
    .innerJoin(flaggedAddresses, and(eq(flaggedAddresses.userId, userId), eq(flaggedAddresses.email, sql`lower(${contacts.email})`)))
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)));
  return flag ?? null;
}

/** The person says the address is right after all: letters may go to it again. A complaint stays. */
export async function clearAddressFlag(userId: string, email: string) {
  const cleared = await db
    .delete(flaggedAddresses)
    .where(
      and(
        eq(flaggedAddresses.userId, userId),
        eq(flaggedAddresses.email, sql`lower(${email}::text)`),
        ne(flaggedAddresses.reason, 'complained'),
      ),
    )
    .returning({ email: flaggedAddresses.email });
  return cleared.length > 0;
}
