import 'server-only';
import crypto from 'node:crypto';
import type { EmailConfig } from 'next-auth/providers/email';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { signInThrottle } from '@/db/schema';
import SignInEmail from '@/emails/sign-in';
import { env } from '@/env';
import { sameSitePath } from '@/lib/auth/safe-redirect';
import { normalizeEmailAddress } from '@/lib/mail/address';
import { renderEmail } from '@/lib/mail/render';
import { sendMail } from '@/lib/mail/send';

export const SIGN_IN_LINK_MINUTES = 15;

/**
 * The magic-link provider. Auth.js makes, hashes, stores and consumes the
 * token (once); this module only decides where the link points and sends it
 * through the one mail path.
 */
export function emailProvider(): EmailConfig {
  return {
    id: 'email',
    type: 'email',
    name: 'Email',
    maxAge: SIGN_IN_LINK_MINUTES * 60,
    normalizeIdentifier: normalizeEmailAddress,
    sendVerificationRequest: ({ identifier, url, token }) => sendSignInLink({ email: identifier, url, token }),
    options: {},
  };
}

/**
 * The link in the mail opens a confirm page on the configured app URL, never
 * Auth.js's callback: mail scanners fetch links, and only the button on that
 * page spends the token. The host comes from APP_URL, not from the request.
 */
export function confirmPageUrl(authCallbackUrl: string): string {
  const params = new URL(authCallbackUrl).searchParams;
  const query = new URLSearchParams({
    token: params.get('token') ?? '',
    email: params.get('email') ?? '',
  });
  const appUrl = env().appUrl;
  // Auth.js hands over an absolute URL; the confirm page accepts site paths only.
  const callbackPath = sameSitePath(params.get('callbackUrl') ?? '', appUrl);
  if (callbackPath && callbackPath !== '/') query.set('callbackUrl', callbackPath);
  return `${appUrl}/sign-in/confirm?${query}`;
}

/** True when no sign-in mail went to this address in the last minute; claims the slot. */
export async function claimSignInSlot(email: string): Promise<boolean> {
  const claimed = await db
    .insert(signInThrottle)
    .values({ email, lastSentAt: sql`now()` })
    .onConflictDoUpdate({
      target: signInThrottle.email,
      set: { lastSentAt: sql`now()` },
      setWhere: sql`${signInThrottle.lastSentAt} <= now() - interval '1 minute'`,
    })
    .returning({ email: signInThrottle.email });
  return claimed.length > 0;
}

export async function sendSignInLink({ email, url, token }: { email: string; url: string; token: string }) {
  // A throttled request looks exactly like a sent one to the person asking,
  // so the page never reveals whether an address has an account.
  if (!(await claimSignInSlot(email))) {
    console.info(`[auth] sign-in mail to ${email} skipped: one was sent less than a minute ago`);
    return;
  }
  try {
    await deliverSignInLink({ email, url, token });
  } catch (error) {
    // The person is told it failed, so asking again at once must send, not be throttled.
    await db.delete(signInThrottle).where(eq(signInThrottle.email, email));
    throw error;
  }
}

async function deliverSignInLink({ email, url, token }: { email: string; url: string; token: string }) {
  const link = confirmPageUrl(url);
  const { html, text } = await renderEmail(
    <SignInEmail url={link} email={email} minutesValid={SIGN_IN_LINK_MINUTES} />,
  );
  const result = await sendMail({
    to: [email],
    subject: 'Your Afterword sign-in link',
    html,
    text,
    tags: [{ name: 'category', value: 'sign_in' }],
    idempotencyKey: `sign-in-${crypto.createHash('sha256').update(token).digest('hex')}`,
  });
  if (!result.ok) {
    console.error(`[auth] sign-in mail to ${email} failed (${result.outcome}, ${result.status}): ${result.message}`);
    throw new Error('The sign-in mail could not be sent');
  }
  if (result.via === 'outbox') console.info(`[auth] sign-in link for ${email}: ${link}`);
}
