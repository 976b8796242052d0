import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/env';
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from '@/lib/security/headers';

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

/** The signed-in app's pages: without a session cookie they go to sign-in. */
const SIGNED_IN_PAGES = /^\/(dashboard|applications|contacts|letters|templates|settings|digest)(\/|$)/;

/**
 * Every page is served with its own script nonce and the policy that names
 * it; Next reads the nonce from the request's policy and puts it on the
 * scripts it writes.
 *
 * Sending visitors with no session cookie straight to sign-in is a
 * convenience only: every page and action still checks the session itself
 * (requireUser), since a cookie proves nothing.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === 'development' });

  const { pathname, search } = request.nextUrl;
  const hasSessionCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  let response: NextResponse;
  if (SIGNED_IN_PAGES.test(pathname) && !hasSessionCookie) {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
    response = NextResponse.redirect(signIn);
  } else {
    const headers = new Headers(request.headers);
    headers.set('Content-Security-Policy', policy);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', policy);
  if (env().appUrl.startsWith('https:')) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the API (webhooks must never be redirected, and JSON
      // runs no scripts), not built files (the icon among them), and not
      // prefetches, whose nonce would never be used.
      source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
