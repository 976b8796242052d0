import { describe, expect, it, vi } from 'vitest';
import { authConfig } from '@/auth';
import { db } from '@/db';
import { sessions } from '@/db/schema';
import { resetEnv } from '@/env';
import { csrf, lastLink, requestLink, spendLink, useSignInFlow } from './support/auth-flow';

useSignInFlow();

/**
 * 32 random bytes in base64url: 43 characters of 64 kinds. Length alone
 * proves nothing (a UUID is 36 characters and holds 122 random bits), so the
 * shape is checked exactly.
 */
const THIRTY_TWO_RANDOM_BYTES = /^[A-Za-z0-9_-]{43}$/;

describe('session tokens', () => {
  it('are made of at least 128 random bits', () => {
    const generate = authConfig().session?.generateSessionToken;
    expect(generate).toBeTypeOf('function');

    const tokens = Array.from({ length: 100 }, () => generate!());
    for (const token of tokens) {
      expect(token).toMatch(THIRTY_TWO_RANDOM_BYTES);
      expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('are what a real sign-in stores and hands to the browser', async () => {
    await requestLink('ada@example.com');
    const signedIn = await spendLink(await lastLink());

    const [session] = await db.select().from(sessions);
    expect(session!.sessionToken).toMatch(THIRTY_TWO_RANDOM_BYTES);
    expect(signedIn.headers.getSetCookie().join('\n')).toContain(`authjs.session-token=${session!.sessionToken}`);
  });
});

describe('cookies', () => {
  it('are Secure whenever APP_URL is https, even when a request reaches the app over plain http', async () => {
    vi.stubEnv('APP_URL', 'https://afterword.example');
    // As behind a proxy that ends TLS and passes no URL of its own.
    vi.stubEnv('AUTH_URL', '');
    resetEnv();

    const { response } = await csrf('http://10.0.0.7:3000');

    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-authjs\.csrf-token=/);
    expect(cookie).toMatch(/;\s*Secure/i);
  });

  it('are plain on http://localhost, as in development and the end-to-end tests', async () => {
    const { response } = await csrf();

    expect(response.headers.getSetCookie()[0]).toMatch(/^authjs\.csrf-token=/);
    expect(response.headers.getSetCookie()[0]).not.toMatch(/;\s*Secure/i);
  });
});
