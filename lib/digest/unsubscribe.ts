import crypto from 'node:crypto';

/**
 * The digest's unsubscribe token: it names the person and is signed with a
 * key derived from AUTH_SECRET, so it needs no row, never expires (a mail
 * client may use List-Unsubscribe weeks later), and cannot be made for
 * anyone else. What it can do is only turn that person's digest off.
 */
export const UNSUBSCRIBE_PATH = '/api/digest/unsubscribe';
export const UNSUBSCRIBE_KEY_PURPOSE = 'digest-unsubscribe';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

function signature(userId: string, key: Uint8Array): string {
  return crypto.createHmac('sha256', key).update(`unsubscribe:${userId}`).digest('base64url');
}

export function unsubscribeToken(userId: string, key: Uint8Array): string {
  return `${userId}.${signature(userId, key)}`;
}

/** The person a token names, or null for anything this key did not sign. */
export function verifyUnsubscribeToken(token: unknown, key: Uint8Array): string | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [userId, given, extra] = token.split('.');
  if (extra !== undefined || !userId || !given || !UUID.test(userId) || !SIGNATURE.test(given)) return null;
  const expected = Buffer.from(signature(userId, key));
  const actual = Buffer.from(given);
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected) ? userId : null;
}

/** The link in the digest and in its List-Unsubscribe header. */
export function unsubscribeUrl(appUrl: string, userId: string, key: Uint8Array): string {
  return `${appUrl}${UNSUBSCRIBE_PATH}?${new URLSearchParams({ token: unsubscribeToken(userId, key) })}`;
}

/** RFC 8058 one-click: a POST to the link turns the digest off, with no page in between. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
