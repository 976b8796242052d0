import 'server-only';
import crypto from 'node:crypto';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { savePendingReplyTo } from '@/db/queries/reply-to-confirmations';
import ConfirmReplyToEmail from '@/emails/confirm-reply-to';
import { env } from '@/env';
import { UserError } from '@/lib/errors';
import { REPLY_TO_CONFIRM_PATH, REPLY_TO_LINK_HOURS, replyToLinkExpiry } from '@/lib/settings/reply-to';
import { holdToRateLimit } from '@/server/limits/rate-limit';
import { renderEmail } from '@/server/mail/render-email';
import { sendMailWhileWaiting } from '@/server/mail/send-mail';

/** How a link's token is stored and looked up: the raw token is only ever in the mail. */
export const hashReplyToToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * Makes a new link for `address`, stores it as the person's pending
 * reply-to (the link before stops working), and mails it there. Counted
 * against the per-person limit first, so a refused request changes nothing.
 * `beforeMail` runs in the same transaction as the store (the rest of a save).
 */
export async function sendReplyToLink(
  userId: string,
  account: string,
  address: string,
  options: { now?: Date; beforeMail?: (tx: Executor) => Promise<void> } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  await holdToRateLimit('replyToConfirmation', userId, now);
  const token = crypto.randomBytes(32).toString('base64url');
  const tokenHash = hashReplyToToken(token);
  await db.transaction(async (tx) => {
    await options.beforeMail?.(tx);
    await savePendingReplyTo(tx, userId, { address, tokenHash, expiresAt: replyToLinkExpiry(now) });
  });

  const url = `${env().appUrl}${REPLY_TO_CONFIRM_PATH}?${new URLSearchParams({ token })}`;
  const { html, text } = await renderEmail(
    <ConfirmReplyToEmail url={url} address={address} account={account} hoursValid={REPLY_TO_LINK_HOURS} />,
  );
  const result = await sendMailWhileWaiting({
    to: [address],
    subject: 'Confirm your reply-to address for Afterword',
    html,
    text,
    tags: [{ name: 'category', value: 'reply_to_confirmation' }],
    idempotencyKey: `reply-to-${tokenHash}`,
  });
  if (!result.ok) {
    console.error(`[settings] reply-to confirmation mail failed (${result.outcome}, ${result.status})`);
    throw new UserError(`The link to ${address} could not be sent just now. Use “Resend link” in a minute.`);
  }
}
