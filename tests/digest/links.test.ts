import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { createDigestLink } from '@/db/queries/digest';
import { digestLinks, letters } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { hashLinkToken, newLinkToken } from '@/lib/digest/links';
import { restoreEnv, useOutboxMode } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';
import { seedLetter } from '../dashboard/due-seed';
import { interviewHoursAgo, seedDigestPeople } from './support';

const session = vi.hoisted(() => ({ getUser: vi.fn<() => Promise<SessionUser | null>>() }));
vi.mock('@/lib/auth/user', () => ({ getUser: session.getUser, requireUser: session.getUser }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { sendFromDigestAction } = await import('@/app/(app)/digest/actions');
const { viewDigestLink, sendFromDigest } = await import('@/server/digest/send-from-digest');
const DigestSendPage = (await import('@/app/(app)/digest/send/[token]/page')).default;

setupTestDatabase();

let ada: SessionUser;
let mallory: SessionUser;
let interviewId: string;
let token: string;
beforeEach(async () => {
  useOutboxMode();
  ({ ada, mallory } = await seedDigestPeople());
  ({ interviewId } = await interviewHoursAgo(ada, 6));
  token = await linkFor(ada.id, { occasion: 'interview_thanks', interviewId, separate: 'false' });
  session.getUser.mockResolvedValue(ada);
});
afterEach(restoreEnv);

async function linkFor(userId: string, target: Record<string, string>, expiresAt = new Date(Date.now() + 86_400_000)) {
  const made = newLinkToken();
  await db.transaction((tx) => createDigestLink(tx, userId, { tokenHash: hashLinkToken(made), target, expiresAt }));
  return made;
}

const lettersOf = (userId: string) => db.select().from(letters).where(eq(letters.userId, userId));
const press = (value: string) => {
  const data = new FormData();
  data.append('token', value);
  // A send ends in redirect(), which Next signals by throwing: this returns where it pointed.
  return sendFromDigestAction({ ok: false }, data).catch((error: { digest?: string }) => {
    if (!error.digest?.startsWith('NEXT_REDIRECT')) throw error;
    return { redirectedTo: error.digest.split(';')[2] };
  });
};

describe('a digest Send link', () => {
  it('opened, shows the letter as Send would write it, and sends nothing (a mail scanner’s GET)', async () => {
    const view = await viewDigestLink(ada.id, token);
    expect(view).toMatchObject({ kind: 'occasion', problems: [], letters: [{ to: 'Grace Hopper', cc: ['Alan Turing'] }] });
    expect(view!.letters[0]!.body).toMatch(/^Dear Grace,/);
    // The page itself, rendered as a GET would: still nothing written, and the link still unused.
    await DigestSendPage({ params: Promise.resolve({ token }) });
    expect(await lettersOf(ada.id)).toEqual([]);
    expect((await db.select().from(digestLinks))[0]!.usedAt).toBeNull();
  });

  it('pressed, sends once: the link is spent with the letter, and pressed again it is refused like a missing one', async () => {
    const first = await press(token);
    const written = await lettersOf(ada.id);
    expect(written).toHaveLength(1);
    expect(first).toEqual({ redirectedTo: `/letters/${written[0]!.id}` });
    expect(written[0]).toMatchObject({ kind: 'interview_thanks', interviewId });
    expect((await db.select().from(digestLinks))[0]!.usedAt).not.toBeNull();

    expect(await press(token)).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be used/) });
    expect(await viewDigestLink(ada.id, token)).toBeNull();
    expect(await lettersOf(ada.id)).toHaveLength(1);
  });

  it('two presses at once write one letter', async () => {
    await Promise.all([press(token), press(token)]);
    expect(await lettersOf(ada.id)).toHaveLength(1);
  });

  it('is refused like a missing one when expired, tampered with, made up, or another person’s', async () => {
    const expired = await linkFor(ada.id, { occasion: 'interview_thanks', interviewId, separate: 'false' }, new Date(Date.now() - 1000));
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [expired, tampered, newLinkToken(), '', 'x'.repeat(5000)]) {
      expect(await viewDigestLink(ada.id, bad)).toBeNull();
      expect(await sendFromDigest(ada.id, bad)).toEqual({ outcome: 'not_found' });
    }
    // Mallory, signed in, with Ada's live link: not found, on the page and on the button.
    session.getUser.mockResolvedValue(mallory);
    await expect(DigestSendPage({ params: Promise.resolve({ token }) })).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/),
    });
    expect(await press(token)).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be used/) });
    expect(await lettersOf(ada.id)).toEqual([]);
    expect(await lettersOf(mallory.id)).toEqual([]);
    // ...and Ada's link still works for Ada.
    expect(await sendFromDigest(ada.id, token)).toMatchObject({ outcome: 'sent' });
  });

  it('asks a signed-out visitor to sign in and sends nothing', async () => {
    session.getUser.mockResolvedValue(null);
    expect(await press(token)).toMatchObject({ ok: false, message: expect.stringMatching(/Sign in again/) });
    expect(await lettersOf(ada.id)).toEqual([]);
  });

  it('a letter waiting on a decision is sent again with a new key', async () => {
    const { applicationId, grace: graceId } = await interviewHoursAgo(ada, 2);
    const letterId = await seedLetter(ada.id, { kind: 'follow_up', applicationId, to: graceId, status: 'needs_decision' });
    const link = await linkFor(ada.id, { letterId });
    expect(await viewDigestLink(ada.id, link)).toMatchObject({ kind: 'decision', letterId });
    expect(await sendFromDigest(ada.id, link)).toEqual({ outcome: 'sent', letterIds: [letterId], applicationId: null });
    const [row] = await db.select().from(letters).where(eq(letters.id, letterId));
    expect(row!.status).not.toBe('needs_decision');
    expect(row!.idempotencyKey).not.toBe(`afterword-letter-${letterId}`);
    expect(await sendFromDigest(ada.id, link)).toEqual({ outcome: 'not_found' });
  });
});
