import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

/**
 * A convenience only: send visitors with no session cookie straight to
 * sign-in, keeping where they were going. Every page and action still checks
 * the session itself (requireUser), since a cookie proves nothing.
 */
export function proxy(request: NextRequest) {
  const hasSessionCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSessionCookie) return NextResponse.next();
  const signIn = new URL('/sign-in', request.url);
  signIn.searchParams.set('callbackUrl', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // The signed-in app only; never /api (webhooks must not be redirected).
  matcher: ['/dashboard/:path*', '/applications/:path*', '/contacts/:path*', '/letters/:path*', '/settings/:path*'],
};
