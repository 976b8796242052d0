import crypto from 'node:crypto';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import type { Provider } from 'next-auth/providers';
import { headers } from 'next/headers';
import type { NextRequest } from 'next/server';
import { getDatabase } from '@/db';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { env } from '@/env';
import { emailProvider } from '@/lib/auth/email-provider';
import { fetchGitHubProfile, mayUseOAuthSignIn } from '@/lib/auth/oauth';
import { authSecret } from '@/server/security/secret';
import { errorReason } from '@/lib/error-reason';
import { safeRedirect } from '@/lib/safe-redirect';
import { clientNetwork } from '@/lib/security/client-network';
import { RATE_LIMITS, type RateLimitScope, tooManyMessage } from '@/lib/security/rate-limits';
import { claimSignInMail } from '@/server/auth/send-sign-in-link';

/** Which sign-in methods are on: email always, GitHub and Google when configured. */
export function oauthProviders(): { id: 'github' | 'google'; name: string }[] {
  const e = env();
  return [
    ...(e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET ? [{ id: 'github' as const, name: 'GitHub' }] : []),
    ...(e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET ? [{ id: 'google' as const, name: 'Google' }] : []),
  ];
}

function providers(): Provider[] {
  const e = env();
  // An OAuth sign-in may join the account an earlier magic link created for
  // the same address; the signIn callback lets it through only when the
  // provider vouches for the address. GitHub's profile says nothing about
  // that, so ours is read with the account's list of addresses.
  const oauth = oauthProviders().map(({ id }) =>
    id === 'github'
      ? GitHub({
          clientId: e.AUTH_GITHUB_ID,
          clientSecret: e.AUTH_GITHUB_SECRET,
          allowDangerousEmailAccountLinking: true,
          userinfo: { request: fetchGitHubProfile },
        })
      : Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET, allowDangerousEmailAccountLinking: true }),
  );
  return [emailProvider(), ...oauth];
}

/** Where Auth.js sends the browser once a sign-in link has gone out. */
const LINK_SENT = '/api/auth/verify-request?provider=email&type=email';
/** Where a request for a sign-in mail over an hourly limit ends; the page says which and how long to wait. */
const SIGN_IN_RATE_LIMITED = '/sign-in/error?error=RateLimited';
/** Where an OAuth sign-in with an address its provider has not verified ends. */
export const OAUTH_EMAIL_NOT_VERIFIED = '/sign-in/error?error=OAuthEmailNotVerified';

/**
 * A new session's token: 32 random bytes (256 bits), base64url. Auth.js's
 * own default is a UUID, whose 122 random bits are below the 128 a bearer
 * secret should have.
 */
function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/**
 * The words for a sign-in refused by an hourly limit, from the URL Auth.js
 * was sent to; null for any other URL.
 */
export function signInRefusalMessage(url: string): string | null {
  const { searchParams } = new URL(url, 'http://afterword.invalid');
  if (searchParams.get('error') !== 'RateLimited') return null;
  const limit = searchParams.get('limit');
  const wait = Number(searchParams.get('wait'));
  const scope: RateLimitScope = limit === 'signInNetwork' ? 'signInNetwork' : 'signInAddress';
  const longest = RATE_LIMITS[scope].windowSeconds;
  return tooManyMessage(scope, Number.isInteger(wait) && wait > 0 && wait <= longest ? wait : longest);
}

/**
 * Where the request asking for a sign-in mail came from: the route's own
 * request, or, for the sign-in form's action (which Auth.js is handed
 * without one), the action's.
 */
async function networkOf(request: NextRequest | undefined): Promise<string | null> {
  if (request) return clientNetwork(request.headers.get('x-forwarded-for'));
  try {
    return clientNetwork((await headers()).get('x-forwarded-for'));
  } catch {
    // Outside a request (a script): no network to count.
    return null;
  }
}

/** The whole Auth.js configuration, read afresh from the environment, for one request when there is one. */
export function authConfig(request?: NextRequest): NextAuthConfig {
  const { appUrl } = env();
  // Auth.js builds its own URLs from AUTH_URL when set, and from the request's
  // Host header otherwise; pin it to the configured app URL.
  process.env.AUTH_URL ??= appUrl;
  const adapter = DrizzleAdapter(getDatabase().db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    adapter,
    basePath: '/api/auth',
    secret: authSecret(),
    trustHost: true,
    // Auth.js would judge by the URL a request arrived on, which behind a
    // proxy that ends TLS is plain http; the app's address is what counts.
    useSecureCookies: new URL(appUrl).protocol === 'https:',
    session: { strategy: 'database', maxAge: 30 * 24 * 60 * 60, generateSessionToken: newSessionToken },
    providers: providers(),
    pages: { signIn: '/sign-in', verifyRequest: '/sign-in/check-email', error: '/sign-in/error' },
    // Auth.js's own logger prints the stack of the error it caught, whose
    // first line is, for a failed statement, the statement and its values:
    // the session token a lookup was given, an address.
    logger: { error: (error) => console.error(`[auth] ${errorReason(error)}`) },
    callbacks: {
      signIn: async ({ user, account, profile, email }) => {
        // Auth.js asks this before it makes a link's token, then stores the
        // token and sends the mail side by side. So the throttle is decided
        // here, where a request it turns away stores no token and sends
        // nothing, and gets the same redirect as a link that went out, or
        // the error page when an hourly limit refuses it.
        if (email?.verificationRequest && user.email) {
          const claim = await claimSignInMail(user.email, await networkOf(request));
          if (claim === 'send') return true;
          if (claim === 'skip') return LINK_SENT;
          return `${SIGN_IN_RATE_LIMITED}&limit=${claim.scope}&wait=${claim.retryAfterSeconds}`;
        }
        if (account?.type === 'oauth' || account?.type === 'oidc') {
          const linked = await adapter.getUserByAccount?.({
            provider: account.provider,
            providerAccountId: account.providerAccountId,
          });
          return mayUseOAuthSignIn({ alreadyLinked: Boolean(linked), profile }) || OAUTH_EMAIL_NOT_VERIFIED;
        }
        return true;
      },
      session: ({ session, user }) => ({ ...session, user: { ...session.user, id: user.id } }),
      redirect: ({ url }) => safeRedirect(url, appUrl),
    },
  };
}

// A function config, so the database is opened on the first request rather
// than when `next build` imports this module.
export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);
