import 'server-only';
import crypto from 'node:crypto';
import { claimSignInSlot, releaseSignInSlot } from '@/db/queries/sign-in-throttle';
import SignInEmail from '@/emails/sign-in';
import { env } from '@/env';
import { sameSitePath } from '@/lib/safe-redirect';
import { rateLimitRefusal, type RateLimited } from '@/server/limits/rate-limit';
import { renderEmail } from '@/server/mail/render-email';
import { sendMailWhileWaiting } from '@/server/mail/send-mail';

export const SIGN_IN_LINK_MINUTES = 15;

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

/**
 * Decides whether a sign-in mail may go: "send", or "skip" when one went to
 * the address less than a minute ago, or the refusal of an hourly limit.
 * Asked before any token is made, so a request turned away leaves nothing
 * behind. A skip is answered exactly as if the mail went, so the answer
 * never reveals whether an address has an account; a refusal says so, as
 * it is about the requests, not the account. The network counts every
 * request; the address counts only mails that would go.
 */
export async function claimSignInMail(email: string, network: string | null = null): Promise<'send' | 'skip' | RateLimited> {
  const refusal = network ? await rateLimitRefusal('signInNetwork', network) : null;
  if (refusal) return refused(refusal);
  if (!(await claimSignInSlot(email))) {
    console.info(`[auth] sign-in mail to ${email} skipped: one was sent less than a minute ago`);
    return 'skip';
  }
  const overHour = await rateLimitRefusal('signInAddress', email);
  if (!overHour) return 'send';
  // Nothing goes, so the minute's slot is not spent: asking again is refused with the same words.
  await releaseSignInSlot(email);
  return refused(overHour);
}

function refused(refusal: RateLimited): RateLimited {
  console.info(`[auth] sign-in mail refused: over the ${refusal.scope} limit`);
  return refusal;
}

/** Sends the link of a request `claimSignInMail` let through. */
export async function sendSignInLink({ email, url, token }: { email: string; url: string; token: string }) {
  try {
    await deliverSignInLink({ email, url, token });
  } catch (error) {
    // The person is told it failed, so asking again at once must send, not be throttled.
    await releaseSignInSlot(email);
    throw error;
  }
}

async function deliverSignInLink({ email, url, token }: { email: string; url: string; token: string }) {
  const link = confirmPageUrl(url);
  const { html, text } = await renderEmail(
    <SignInEmail url={link} email={email} minutesValid={SIGN_IN_LINK_MINUTES} />,
  );
  const result = await sendMailWhileWaiting({
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
