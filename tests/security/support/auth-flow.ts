import { desc } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterEach, beforeEach, vi } from 'vitest';
import { POST } from '@/app/api/auth/[...nextauth]/route';
import { handlers } from '@/auth';
import { db } from '@/db';
import { outboxMessages } from '@/db/schema';
import { restoreEnv, useOutboxMode } from '../../helpers/mail-mode';
import { setupTestDatabase } from '../../support/database';

/**
 * Drives Auth.js through its route handlers, as a browser would, so tests see
 * what Auth.js itself does with the configuration (the order of its steps,
 * the rows it writes, the cookies it sets) and not only what our code does.
 */

export const APP = 'http://localhost:3000';

/**
 * A fresh database, sign-in mail kept in the outbox, and the dev-mode link
 * Auth.js logs for each mail kept out of the test's output.
 */
export function useSignInFlow() {
  setupTestDatabase();
  beforeEach(() => {
    useOutboxMode();
    vi.spyOn(console, 'info').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
    restoreEnv();
  });
}

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');

/** GET /api/auth/csrf: the CSRF token and the cookie that goes with it. */
export async function csrf(origin = APP): Promise<{ response: Response; csrfToken: string; cookie: string }> {
  const response = await handlers.GET(new NextRequest(`${origin}/api/auth/csrf`));
  const { csrfToken } = (await response.clone().json()) as { csrfToken: string };
  return { response, csrfToken, cookie: cookiesOf(response) };
}

/** Asks for a sign-in link the way the form post does: CSRF cookie and token first. `headers` adds to the post's. */
export async function requestLink(email: string, headers: Record<string, string> = {}): Promise<Response> {
  const { csrfToken, cookie } = await csrf();
  return handlers.POST(
    new NextRequest(`${APP}/api/auth/signin/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: `${APP}/dashboard` }),
    }),
  );
}

/** The token and address in the newest sign-in mail in the outbox. */
export async function lastLink(): Promise<{ token: string; email: string }> {
  const [mail] = await db.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(1);
  const link = new URL(mail!.text.match(/https?:\/\/\S+\/sign-in\/confirm\?\S+/)![0]);
  return { token: link.searchParams.get('token')!, email: link.searchParams.get('email')! };
}

/** The headers a browser sends with a form post from a page of `origin`. */
export function postedFrom(origin: string): Record<string, string> {
  return { origin, 'sec-fetch-site': origin === APP ? 'same-origin' : 'cross-site' };
}

/**
 * Presses the confirm page's Sign in button: the post that spends the token.
 * `headers` say which page posted it; another site's, for a forged one.
 */
export async function spendLink(
  { token, email }: { token: string; email: string },
  { headers = postedFrom(APP) }: { headers?: Record<string, string> } = {},
): Promise<Response> {
  const query = new URLSearchParams({ token, email, callbackUrl: '/dashboard' });
  return POST(new NextRequest(`${APP}/api/auth/callback/email?${query}`, { method: 'POST', headers }));
}
