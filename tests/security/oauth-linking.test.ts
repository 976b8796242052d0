import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authConfig, OAUTH_EMAIL_NOT_VERIFIED } from '@/auth';
import { db } from '@/db';
import { accounts, users } from '@/db/schema';
import { resetEnv } from '@/env';
import { fetchGitHubProfile, githubEmail, mayUseOAuthSignIn } from '@/lib/auth/oauth';
import { setupTestDatabase } from '../support/database';

setupTestDatabase();

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  resetEnv();
});

describe('mayUseOAuthSignIn', () => {
  it('lets a sign-in through when the provider vouches for the address', () => {
    expect(mayUseOAuthSignIn({ alreadyLinked: false, profile: { email: 'ada@example.com', email_verified: true } })).toBe(true);
  });

  it('refuses an address the provider has not verified, or says nothing about', () => {
    expect(mayUseOAuthSignIn({ alreadyLinked: false, profile: { email: 'ada@example.com', email_verified: false } })).toBe(false);
    expect(mayUseOAuthSignIn({ alreadyLinked: false, profile: { email: 'ada@example.com' } })).toBe(false);
    // Only a real boolean counts, never a look-alike.
    expect(mayUseOAuthSignIn({ alreadyLinked: false, profile: { email: 'ada@example.com', email_verified: 'true' as unknown as boolean } })).toBe(false);
    expect(mayUseOAuthSignIn({ alreadyLinked: false, profile: undefined })).toBe(false);
  });

  it('lets an account that is already linked sign in, whatever its address now', () => {
    expect(mayUseOAuthSignIn({ alreadyLinked: true, profile: { email: 'new@example.com', email_verified: false } })).toBe(true);
  });
});

describe('githubEmail', () => {
  const emails = [
    { email: 'ada@work.example', primary: true, verified: true },
    { email: 'ada@home.example', primary: false, verified: false },
  ];

  it('takes the public address, verified only when GitHub lists it as verified', () => {
    expect(githubEmail('Ada@Work.example', emails)).toEqual({ email: 'Ada@Work.example', email_verified: true });
    expect(githubEmail('ada@home.example', emails)).toEqual({ email: 'ada@home.example', email_verified: false });
    expect(githubEmail('ada@elsewhere.example', emails)).toEqual({ email: 'ada@elsewhere.example', email_verified: false });
  });

  it('takes the primary address when there is no public one', () => {
    expect(githubEmail(null, emails)).toEqual({ email: 'ada@work.example', email_verified: true });
    expect(githubEmail(null, [{ email: 'ada@work.example', primary: true, verified: false }])).toEqual({
      email: 'ada@work.example',
      email_verified: false,
    });
    expect(githubEmail(null, [])).toEqual({ email: null, email_verified: false });
  });
});

describe('the GitHub profile', () => {
  const provider = { userinfo: { url: new URL('https://api.github.com/user') } };
  const tokens = { access_token: 'gho_token' };

  function stubGitHub(emails: unknown, emailsStatus = 200) {
    const fetchMock = vi.fn(async (url: string | URL) => {
      const href = String(url);
      if (href === 'https://api.github.com/user') return Response.json({ id: 7, login: 'ada', name: 'Ada', email: null });
      if (href === 'https://api.github.com/user/emails') return Response.json(emails, { status: emailsStatus });
      return new Response('not found', { status: 404 });
    });
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  }

  it('carries email_verified from the account’s list of addresses', async () => {
    stubGitHub([{ email: 'ada@example.com', primary: true, verified: true }]);

    expect(await fetchGitHubProfile({ tokens, provider })).toMatchObject({ id: 7, email: 'ada@example.com', email_verified: true });
  });

  it('counts the address unverified when GitHub has not verified it, or the list cannot be read', async () => {
    stubGitHub([{ email: 'ada@example.com', primary: true, verified: false }]);
    expect(await fetchGitHubProfile({ tokens, provider })).toMatchObject({ email: 'ada@example.com', email_verified: false });

    stubGitHub({ message: 'Requires authentication' }, 403);
    expect(await fetchGitHubProfile({ tokens, provider })).toMatchObject({ email: null, email_verified: false });
  });
});

describe('the signIn callback', () => {
  const github = { type: 'oauth' as const, provider: 'github', providerAccountId: '4242' };

  beforeEach(() => {
    vi.stubEnv('AUTH_GITHUB_ID', 'gh-id');
    vi.stubEnv('AUTH_GITHUB_SECRET', 'gh-secret');
    resetEnv();
  });

  async function signInWithGitHub(profile: { email: string; email_verified?: boolean }) {
    const signIn = authConfig().callbacks!.signIn!;
    return signIn({ user: { id: '4242', email: profile.email }, account: github, profile });
  }

  it('joins the existing account only when GitHub has verified the address', async () => {
    await db.insert(users).values({ id: 'ada', email: 'ada@example.com' });

    expect(await signInWithGitHub({ email: 'ada@example.com', email_verified: false })).toBe(OAUTH_EMAIL_NOT_VERIFIED);
    expect(await signInWithGitHub({ email: 'ada@example.com' })).toBe(OAUTH_EMAIL_NOT_VERIFIED);
    expect(await signInWithGitHub({ email: 'ada@example.com', email_verified: true })).toBe(true);
  });

  it('makes no new account for an unverified address either, which its owner would later join', async () => {
    expect(await signInWithGitHub({ email: 'new@example.com', email_verified: false })).toBe(OAUTH_EMAIL_NOT_VERIFIED);
  });

  it('reads the GitHub profile with the account’s verified addresses', () => {
    const provider = authConfig().providers.find((p) => typeof p === 'object' && p.id === 'github') as {
      options?: { userinfo?: { request?: unknown } };
    };

    expect(provider.options?.userinfo?.request).toBe(fetchGitHubProfile);
  });

  it('signs a GitHub account that is already linked in as before', async () => {
    await db.insert(users).values({ id: 'ada', email: 'ada@example.com' });
    await db.insert(accounts).values({ userId: 'ada', ...github });

    expect(await signInWithGitHub({ email: 'ada@example.com', email_verified: false })).toBe(true);
  });
});
