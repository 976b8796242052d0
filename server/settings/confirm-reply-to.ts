import 'server-only';
import { db } from '@/db';
import { pendingReplyToByToken, setReplyTo, spendReplyToToken } from '@/db/queries/reply-to-confirmations';
import { hashReplyToToken } from './reply-to-link';

/**
 * The address a live link of this person's would confirm, or null. Reading
 * it spends nothing: mail scanners open links too.
 */
export async function replyToForLink(userId: string, token: string, now: Date = new Date()): Promise<string | null> {
  return pendingReplyToByToken(userId, hashReplyToToken(token), now);
}

/**
 * A person confirms their reply-to address with the link mailed to it: from
 * now on letters reply there. The link works once, until it expires, and
 * only for the account that asked; any other token confirms nothing.
 * Returns the address, or null when the link does not count.
 */
export async function confirmReplyTo(userId: string, token: string, now: Date = new Date()): Promise<string | null> {
  return db.transaction(async (tx) => {
    const address = await spendReplyToToken(tx, userId, hashReplyToToken(token), now);
    if (address === null) return null;
    await setReplyTo(tx, userId, address);
    return address;
  });
}
