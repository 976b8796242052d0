import 'server-only';
import { env } from '@/env';
import { derivedKey } from '@/server/security/secret';
import { REPLY_ADDRESS_KEY_PURPOSE, replyAddress } from '@/lib/replies/reply-address';

/** The key reply addresses are signed with: derived from AUTH_SECRET, worth nothing for anything else. */
export const replyAddressKey = () => derivedKey(REPLY_ADDRESS_KEY_PURPOSE);

/**
 * The Message-ID a letter is sent with, on MAIL_FROM's domain: a reply names
 * it in In-Reply-To or References, which ties the reply to the letter even
 * where the reply address was dropped. Stable, so every retry says the same.
 */
export function letterMessageId(letterId: string): string {
  const domain = (env().MAIL_FROM ?? 'letters@afterword.local').split('@')[1];
  return `<letter-${letterId}@${domain}>`;
}

/**
 * Reply-To for a letter: the person's own address first, so their replies
 * still land in their inbox as before; with INBOUND_DOMAIN, the letter's
 * signed reply address after it, so Afterword hears of them too.
 */
export function letterReplyTo(letterId: string, personReplyTo: string): string | string[] {
  const domain = env().INBOUND_DOMAIN;
  return domain ? [personReplyTo, replyAddress(letterId, replyAddressKey(), domain)] : personReplyTo;
}
