import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/digest/unsubscribe/route';
import { db } from '@/db';
import { users } from '@/db/schema';
import { derivedKey } from '@/server/security/secret';
import type { SessionUser } from '@/lib/auth/user';
import { UNSUBSCRIBE_KEY_PURPOSE, unsubscribeToken, unsubscribeUrl } from '@/lib/digest/unsubscribe';
import { setupTestDatabase } from '../support/database';
import { seedDigestPeople } from './support';

setupTestDatabase();

let ada: SessionUser;
let mallory: SessionUser;
beforeEach(async () => {
  ({ ada, mallory } = await seedDigestPeople());
});

const key = () => derivedKey(UNSUBSCRIBE_KEY_PURPOSE);
const digestOn = async (userId: string) => (await db.select().from(users).where(eq(users.id, userId)))[0]!.digestEnabled;
// As a mail client sends RFC 8058's one-click: a form body, no cookie, from no page of ours.
const oneClick = (url: string) =>
  new Request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });

describe('the digest’s unsubscribe link', () => {
  it('GET shows a page with the button and changes nothing (a mail scanner opens links)', async () => {
    const url = unsubscribeUrl('http://localhost:3000', ada.id, key());
    const response = await GET(new Request(url));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<form method="post" action="\?token=/);
    expect(html).toMatch(/Unsubscribe<\/button>/);
    expect(await digestOn(ada.id)).toBe(true);
  });

  it('a one-click POST turns that person’s digest off, and only theirs', async () => {
    const response = await POST(oneClick(unsubscribeUrl('http://localhost:3000', ada.id, key())));
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/Unsubscribed/);
    expect(await digestOn(ada.id)).toBe(false);
    expect(await digestOn(mallory.id)).toBe(true);
  });

  it('refuses a bad token with a clear page, never a 500, and changes nothing', async () => {
    const signedElsewhere = unsubscribeToken(ada.id, new Uint8Array(32).fill(1));
    const signature = unsubscribeToken(ada.id, key()).split('.')[1]!;
    for (const query of [
      '',
      '?token=',
      `?token=${encodeURIComponent(signedElsewhere)}`,
      `?token=${mallory.id}.${signature}`,
      `?token=${'x'.repeat(10_000)}`,
      '?token=%E0%A4%A',
      `?token=a&token=${encodeURIComponent(signedElsewhere)}`,
    ]) {
      for (const response of [await GET(new Request(`http://localhost:3000/api/digest/unsubscribe${query}`)), await POST(oneClick(`http://localhost:3000/api/digest/unsubscribe${query}`))]) {
        expect(response.status).toBe(400);
        expect(await response.text()).toMatch(/This unsubscribe link is not valid/);
      }
    }
    expect(await digestOn(ada.id)).toBe(true);
    expect(await digestOn(mallory.id)).toBe(true);
  });

  it('says the same for an account deleted since', async () => {
    const url = unsubscribeUrl('http://localhost:3000', ada.id, key());
    await db.delete(users).where(eq(users.id, ada.id));
    expect((await POST(oneClick(url))).status).toBe(200);
  });
});
