import 'server-only';
import { and, desc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/executor';
import { contacts, letterRecipients, letters, users } from '@/db/schema';

/**
 * Finding whose letter a received email answers. The email carries no
 * session, so the first three look across people, each by something only
 * that person's letter has: its id (from a verified reply address), its
 * Message-ID, or its recipient's address. The rest are scoped to the person
 * found.
 */

export type MatchedLetter = { id: string; userId: string; applicationId: string | null; sentAt: Date | null; createdAt: Date };

const matchedLetter = {
  id: letters.id,
  userId: letters.userId,
  applicationId: letters.applicationId,
  sentAt: letters.sentAt,
  createdAt: letters.createdAt,
};

/** The letter a verified reply address names; null when it was deleted since. */
export async function letterForReplyAddress(tx: Executor, letterId: string): Promise<MatchedLetter | null> {
  const [row] = await tx.select(matchedLetter).from(letters).where(eq(letters.id, letterId));
  return row ?? null;
}

/** The letter whose Message-ID the reply names (In-Reply-To or References). */
export async function letterForMessageIds(tx: Executor, messageIds: string[]): Promise<MatchedLetter | null> {
  if (messageIds.length === 0) return null;
  const [row] = await tx
    .select(matchedLetter)
    .from(letters)
    .where(and(isNotNull(letters.messageId), inArray(letters.messageId, messageIds)))
    .orderBy(desc(letters.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * The weakest match: the latest letter sent to this address in the last
 * `days`, when exactly one person sent one. An address several people wrote
 * to could be anyone's reply, so it is matched to no one.
 */
export async function letterForSender(tx: Executor, address: string, since: Date): Promise<MatchedLetter | null> {
  const rows = await tx
    .selectDistinctOn([letters.userId], matchedLetter)
    .from(letterRecipients)
    .innerJoin(letters, and(eq(letters.userId, letterRecipients.userId), eq(letters.id, letterRecipients.letterId)))
    .where(and(eq(letterRecipients.email, address), gt(letterRecipients.createdAt, since), eq(letters.isTest, false)))
    .orderBy(letters.userId, desc(letters.createdAt))
    .limit(2);
  return rows.length === 1 ? rows[0] : null;
}

/** The addresses that are the person's own: a reply from one of them is them writing to themselves. */
export async function ownAddresses(tx: Executor, userId: string): Promise<string[]> {
  const [row] = await tx.select({ email: users.email, replyTo: users.replyTo }).from(users).where(eq(users.id, userId));
  return row ? [row.email, row.replyTo].filter((v): v is string => Boolean(v)).map((v) => v.toLowerCase()) : [];
}

/** The person's contact with this address, if any (one at most: contacts_user_email_idx). */
export async function contactWithAddress(tx: Executor, userId: string, address: string) {
  const [row] = await tx
    .select({ id: contacts.id, name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), isNotNull(contacts.email), sql`lower(${contacts.email}) = ${address}`));
  return row ?? null;
}
