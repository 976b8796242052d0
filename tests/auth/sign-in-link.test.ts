import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { clearSendPacing, takeSendSlot } from '@/db/queries/send-pacing';
import { outboxMessages, signInThrottle } from '@/db/schema';
import { emailProvider } from '@/lib/auth/email-provider';
import { DEFAULT_SPACING_MS } from '@/lib/mail/pacing';
import { claimSignInMail, confirmPageUrl, sendSignInLink } from '@/server/auth/send-sign-in-link';
import { restoreEnv, useOutboxMode, useResendTestServer } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';

setupTestDatabase();

/** The URL Auth.js hands to sendVerificationRequest. */
function authCallback(email: string, token: string, callbackUrl = 'http://localhost:3000/dashboard') {
  const query = new URLSearchParams({ callbackUrl, token, email });
  return `http://localhost:3000/api/auth/callback/email?${query}`;
}

async function outbox() {
  return db.select().from(outboxMessages).orderBy(outboxMessages.createdAt);
}

beforeEach(() => {
  // The module logs every link and every skip; keep the test output readable.
  vi.spyOn(console, 'info').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  restoreEnv();
});

describe('confirmPageUrl', () => {
  it('points at APP_URL, keeps the token and email, and drops a foreign callback', () => {
    const url = confirmPageUrl(
      'http://evil.example:9999/api/auth/callback/email?callbackUrl=http%3A%2F%2Fevil.example%2Fx&token=abc&email=a%40x.com',
    );

    expect(url).toBe('http://localhost:3000/sign-in/confirm?token=abc&email=a%40x.com');
  });

  it('keeps a same-site callback as a path', () => {
    const url = confirmPageUrl(authCallback('a@x.com', 'abc', 'http://localhost:3000/settings'));

    expect(url).toBe('http://localhost:3000/sign-in/confirm?token=abc&email=a%40x.com&callbackUrl=%2Fsettings');
  });

  it('leaves out a callback to the site root', () => {
    expect(confirmPageUrl(authCallback('a@x.com', 'abc', 'http://localhost:3000/'))).toBe(
      'http://localhost:3000/sign-in/confirm?token=abc&email=a%40x.com',
    );
  });
});

describe('sendSignInLink in outbox mode', () => {
  beforeEach(useOutboxMode);

  it('sends one mail whose link opens the confirm page, not the token callback', async () => {
    await sendSignInLink({ email: 'ada@example.com', url: authCallback('ada@example.com', 'tok-1'), token: 'tok-1' });

    const rows = await outbox();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    const confirm = 'http://localhost:3000/sign-in/confirm?token=tok-1&email=ada%40example.com&callbackUrl=%2Fdashboard';
    expect(row!.to).toEqual(['ada@example.com']);
    expect(row!.subject).toBe('Your Afterword sign-in link');
    expect(row!.html.replaceAll('&amp;', '&')).toContain(`href="${confirm}"`);
    expect(row!.text).toContain(confirm);
    expect(row!.html).not.toContain('/api/auth/callback');
    expect(row!.text).not.toContain('/api/auth/callback');
    expect(row!.tags).toEqual([{ name: 'category', value: 'sign_in' }]);
  });
});

describe('claimSignInMail', () => {
  it('lets one mail a minute go to an address, silently', async () => {
    expect(await claimSignInMail('ada@example.com')).toBe('send');
    expect(await claimSignInMail('ada@example.com')).toBe('skip');

    await db
      .update(signInThrottle)
      .set({ lastSentAt: sql`now() - interval '2 minutes'` })
      .where(eq(signInThrottle.email, 'ada@example.com'));
    expect(await claimSignInMail('ada@example.com')).toBe('send');
  });

  it('does not throttle a different address', async () => {
    expect(await claimSignInMail('ada@example.com')).toBe('send');
    expect(await claimSignInMail('grace@example.com')).toBe('send');
  });
});

describe('sendSignInLink in Resend mode', () => {
  const resend = useResendTestServer();

  it('throws when Resend fails, so Auth.js shows an error instead of "check your email"', async () => {
    resend.server.failNext({ kind: 'status', status: 500 });

    await expect(
      sendSignInLink({ email: 'ada@example.com', url: authCallback('ada@example.com', 'tok-1'), token: 'tok-1' }),
    ).rejects.toThrow('The sign-in mail could not be sent');
    expect(resend.server.emails()).toHaveLength(0);
  });

  it('waits out a short 429 under the same key, and the letters’ shared pace steps back for it', async () => {
    await clearSendPacing();
    resend.server.failNext({ kind: 'status', status: 429, retryAfter: 1 });
    const asked = Date.now();
    await sendSignInLink({ email: 'ada@example.com', url: authCallback('ada@example.com', 'tok-1'), token: 'tok-1' });

    expect(Date.now() - asked).toBeGreaterThanOrEqual(900);
    expect(resend.server.requests()).toBe(2);
    expect(resend.server.emails()).toHaveLength(1);
    // Letters in every process were told: the next letter's slot is after Resend's wait.
    const { slotAt } = await takeSendSlot();
    expect(slotAt.getTime()).toBeGreaterThanOrEqual(asked + 900);
  });

  it('spaces sign-in mail asked for at the same moment a slot apart on the pace every sender shares', async () => {
    await Promise.all(
      ['ada@example.com', 'grace@example.com'].map((email) => sendSignInLink({ email, url: authCallback(email, `tok-${email}`), token: `tok-${email}` })),
    );

    const times = resend.server
      .emails()
      .map((email) => new Date(email.receivedAt).getTime())
      .sort((a, b) => a - b);
    expect(times).toHaveLength(2);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(DEFAULT_SPACING_MS - 10);
    expect(resend.server.requests()).toBe(2);
  });

  it('does not keep the person waiting through a long 429: the page says it failed', async () => {
    resend.server.failNext({ kind: 'status', status: 429, retryAfter: 30 });
    const asked = Date.now();
    await expect(
      sendSignInLink({ email: 'ada@example.com', url: authCallback('ada@example.com', 'tok-1'), token: 'tok-1' }),
    ).rejects.toThrow('The sign-in mail could not be sent');
    expect(Date.now() - asked).toBeLessThan(2_000);
    expect(resend.server.emails()).toHaveLength(0);
  });

  it('lets the person ask again at once after a failed send', async () => {
    resend.server.failNext({ kind: 'status', status: 500 });
    expect(await claimSignInMail('ada@example.com')).toBe('send');
    await expect(
      sendSignInLink({ email: 'ada@example.com', url: authCallback('ada@example.com', 'tok-1'), token: 'tok-1' }),
    ).rejects.toThrow();

    expect(await claimSignInMail('ada@example.com')).toBe('send');
    await sendSignInLink({ email: 'ada@example.com', url: authCallback('ada@example.com', 'tok-2'), token: 'tok-2' });

    const emails = resend.server.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain('token=tok-2');
    expect(emails[0]!.idempotencyKey).toMatch(/^sign-in-[0-9a-f]{64}$/);
  });
});

describe('emailProvider', () => {
  it('makes links last 15 minutes and refuses look-alike addresses', () => {
    const provider = emailProvider();

    expect(provider.maxAge).toBe(900);
    expect(provider.normalizeIdentifier!('Ada@Example.com')).toBe('ada@example.com');
    expect(() => provider.normalizeIdentifier!('a＠x.com')).toThrow(/look-alike/);
  });
});
