import 'server-only';
import { pendingReplyTo } from '@/db/queries/reply-to-confirmations';
import { getProfile } from '@/db/queries/users';
import { NOT_FOUND, UserError } from '@/lib/errors';
import { sendReplyToLink } from './reply-to-link';

/**
 * A person asks for the link to their pending reply-to address again: a new
 * link goes, and the one before stops working. Returns the address.
 */
export async function resendReplyToLink(userId: string, now: Date = new Date()): Promise<string> {
  const [profile, pending] = await Promise.all([getProfile(userId), pendingReplyTo(userId)]);
  if (!profile) throw new UserError(NOT_FOUND.account);
  if (!pending) throw new UserError('No reply-to address is waiting for confirmation.');
  await sendReplyToLink(userId, profile.email, pending.address, { now });
  return pending.address;
}
