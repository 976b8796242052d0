import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { createDigestLink } from '@/db/queries/digest';
import { letters } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { hashLinkToken, newLinkToken } from '@/lib/digest/links';
import { localDay } from '@/lib/digest/schedule';
import { composeDigest } from '@/server/digest/compose-digest';
import { sendFromDigest } from '@/server/digest/send-from-digest';
import { seedPlanApp } from '../follow-ups/support';
import { restoreEnv, useOutboxMode } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';
import { seedDigestPeople } from './support';

setupTestDatabase();

let ada: SessionUser;
beforeEach(async () => {
  useOutboxMode();
  ({ ada } = await seedDigestPeople());
});
afterEach(restoreEnv);

async function linkFor(userId: string, target: Record<string, string>) {
  const token = newLinkToken();
  await db.transaction((tx) => createDigestLink(tx, userId, { tokenHash: hashLinkToken(token), target, expiresAt: new Date(Date.now() + 86_400_000) }));
  return token;
}

describe('follow-up plans in the digest', () => {
  it('lists an Ask plan’s due letter, already written, and its Send writes that plan’s step once', async () => {
    const now = new Date();
    const { applicationId, grace } = await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 8, appliedDaysAgo: 8 });

    const content = await composeDigest(ada.id, localDay(now, 'UTC'), 'UTC', now);
    const followUps = content.sections.find((s) => s.key === 'follow-ups')!;
    expect(followUps.letters).toEqual([
      expect.objectContaining({
        note: 'No answer since you applied.',
        firstLines: expect.stringMatching(/^Dear Grace,/),
        problem: null,
        send: { occasion: 'follow_up', applicationId, contactId: grace, followUpPlan: 'after_applying', separate: 'false' },
      }),
    ]);

    const target = followUps.letters[0]!.send!;
    expect(await sendFromDigest(ada.id, await linkFor(ada.id, target))).toMatchObject({ outcome: 'sent' });
    const written = await db.select().from(letters).where(eq(letters.userId, ada.id));
    expect(written).toEqual([expect.objectContaining({ kind: 'follow_up', plan: 'after_applying', planStep: 1 })]);

    // The step is taken: a second link to it sends nothing more, and the digest no longer lists it.
    await expect(sendFromDigest(ada.id, await linkFor(ada.id, target))).rejects.toThrow('This follow-up is not due any more');
    expect(await db.select().from(letters).where(eq(letters.userId, ada.id))).toHaveLength(1);
    const after = await composeDigest(ada.id, localDay(now, 'UTC'), 'UTC', new Date());
    expect(after.sections.find((s) => s.key === 'follow-ups')!.letters).toEqual([]);
  });
});
