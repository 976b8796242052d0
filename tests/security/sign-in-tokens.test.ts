import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { outboxMessages, verificationTokens } from '@/db/schema';
import { runHousekeeping } from '@/server/queue/housekeeping';
import { requestLink, useSignInFlow } from './support/auth-flow';

useSignInFlow();

const minutesFrom = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('sign-in tokens', () => {
  it('are deleted by housekeeping once expired, and kept while their link still works', async () => {
    const now = new Date();
    await db.insert(verificationTokens).values([
      { identifier: 'ada@example.com', token: 'hash-expired-long-ago', expires: minutesFrom(now, -60 * 24) },
      { identifier: 'ada@example.com', token: 'hash-just-expired', expires: minutesFrom(now, -1) },
      { identifier: 'grace@example.com', token: 'hash-still-valid', expires: minutesFrom(now, 10) },
    ]);

    await runHousekeeping(now);

    const left = await db.select({ token: verificationTokens.token }).from(verificationTokens);
    expect(left).toEqual([{ token: 'hash-still-valid' }]);
  });

  it('are not stored for a request the per-address throttle turns away', async () => {
    const sent = await requestLink('ada@example.com');
    const turnedAway = await requestLink('ada@example.com');

    expect(await db.select().from(outboxMessages)).toHaveLength(1);
    expect(await db.select({ identifier: verificationTokens.identifier }).from(verificationTokens)).toEqual([
      { identifier: 'ada@example.com' },
    ]);
    // Both answers are alike, so the throttle says nothing about the address.
    expect(turnedAway.status).toBe(sent.status);
    expect(turnedAway.headers.get('location')).toBe(sent.headers.get('location'));
  });
});
