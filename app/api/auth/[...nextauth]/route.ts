import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { env } from '@/env';

/** Where Auth.js's email provider spends a sign-in link's token. */
const EMAIL_CALLBACK = '/api/auth/callback/email';
/** Where a sign-in that did not start on this site's confirm page ends. */
const CROSS_SITE = '/sign-in/error?error=CrossSite';

/**
 * True when the post was made by a page of this site: the browser's
 * Sec-Fetch-Site when it sends one, else the Origin against APP_URL's.
 * A request with neither is not from a browser form on this site.
 */
function postedFromThisSite(request: NextRequest, appUrl: string): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = request.headers.get('origin');
  return origin !== null && origin === new URL(appUrl).origin;
}

/**
 * A token in the callback's query signs the browser in as whoever asked for
 * it. Another site could otherwise post an attacker's own token and sign a
 * visitor into the attacker's account, so the post must come from the
 * confirm page. Opened directly, the callback only shows that page.
 */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname !== EMAIL_CALLBACK) return handlers.GET(request);
  return Response.redirect(`${env().appUrl}/sign-in/confirm${request.nextUrl.search}`, 303);
}

export async function POST(request: NextRequest) {
  const { appUrl } = env();
  if (request.nextUrl.pathname === EMAIL_CALLBACK && !postedFromThisSite(request, appUrl)) {
    return Response.redirect(`${appUrl}${CROSS_SITE}`, 303);
  }
  return handlers.POST(request);
}
