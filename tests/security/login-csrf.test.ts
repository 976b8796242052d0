import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/auth/[...nextauth]/route';
import { db } from '@/db';
import { sessions, verificationTokens } from '@/db/schema';
import { APP, lastLink, postedFrom, requestLink, spendLink, useSignInFlow } from './support/auth-flow';

useSignInFlow();

/** The attacker asks for a link to their own address and keeps its token. */
async function attackersLink() {
  await requestLink('mallory@example.com');
  return lastLink();
}

async function expectNobodySignedIn(response: Response) {
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe(`${APP}/sign-in/error?error=CrossSite`);
  expect(response.headers.getSetCookie().join('\n')).not.toContain('session-token');
  expect(await db.select().from(sessions)).toHaveLength(0);
  // The token is not spent either: the refusal comes before Auth.js sees it.
  expect(await db.select().from(verificationTokens)).toHaveLength(1);
}

describe('login CSRF: the post that spends a sign-in token', () => {
  it('signs nobody in when another site posts the attacker’s own token', async () => {
    await expectNobodySignedIn(await spendLink(await attackersLink(), { headers: postedFrom('https://evil.example') }));
  });

  it('is refused by its Origin when the browser sends no Sec-Fetch-Site', async () => {
    const link = await attackersLink();
    await expectNobodySignedIn(await spendLink(link, { headers: { origin: 'https://evil.example' } }));
    await expectNobodySignedIn(await spendLink(link, { headers: { origin: 'null' } }));
  });

  it('is refused when it says nothing of where it comes from', async () => {
    await expectNobodySignedIn(await spendLink(await attackersLink(), { headers: {} }));
  });

  it('is refused from a sibling site, even with this site’s Origin forged in', async () => {
    const link = await attackersLink();
    await expectNobodySignedIn(await spendLink(link, { headers: { origin: APP, 'sec-fetch-site': 'same-site' } }));
  });

  it('signs the person in from the confirm page, by Sec-Fetch-Site or by Origin', async () => {
    const bySecFetchSite = await spendLink(await attackersLink());
    expect(bySecFetchSite.headers.get('location')).toBe(`${APP}/dashboard`);
    expect(bySecFetchSite.headers.getSetCookie().join('\n')).toContain('session-token=');

    // A second person's link, posted by an older browser that sends only the Origin.
    await requestLink('eve@example.com');
    const byOrigin = await spendLink(await lastLink(), { headers: { origin: APP } });
    expect(byOrigin.headers.get('location')).toBe(`${APP}/dashboard`);
    expect(byOrigin.headers.getSetCookie().join('\n')).toContain('session-token=');
    expect(await db.select().from(sessions)).toHaveLength(2);
  });

  it('opened as a plain link (GET), only shows the confirm page and spends nothing', async () => {
    const { token, email } = await attackersLink();
    const query = new URLSearchParams({ token, email, callbackUrl: '/dashboard' });

    const response = await GET(new NextRequest(`${APP}/api/auth/callback/email?${query}`, { headers: { 'sec-fetch-site': 'cross-site' } }));

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${APP}/sign-in/confirm?${query}`);
    expect(await db.select().from(sessions)).toHaveLength(0);
    expect(await db.select().from(verificationTokens)).toHaveLength(1);
  });
});
