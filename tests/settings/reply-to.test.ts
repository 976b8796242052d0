import crypto from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { letters, outboxMessages, replyToConfirmations, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { REPLY_TO_LINK_HOURS, REPLY_TO_LINK_REFUSED } from '@/lib/settings/reply-to';
import { restoreEnv, useOutboxMode } from '../helpers/mail-mode';
import { form } from '../interviews/support';
import { queueThanks, type Seeded, seedInterviewWithThree } from '../letters/support';
import { setupTestDatabase } from '../support/database';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({ getUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { saveSettings, confirmReplyToAction, resendReplyToLinkAction } = await import('@/app/(app)/settings/actions');

setupTestDatabase();

/** Ten seconds into a minute, so the one-a-minute window never ends in the middle of a step. */
const NOW = new Date('2026-12-07T10:00:10Z');
const MINUTE = 60 * 1000;

let seeded: Seeded;
beforeEach(async () => {
  useOutboxMode();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  seeded = await seedInterviewWithThree();
  session.user = seeded.ada;
});
afterEach(() => {
  vi.useRealTimers();
  restoreEnv();
});

const save = (replyTo: string, name = 'Ada Lovelace') => saveSettings({ ok: false }, form({ name, signature: '', replyTo }));
const confirm = (token: string) => confirmReplyToAction({ ok: false }, form({ token }));
const later = (ms: number) => vi.setSystemTime(new Date(Date.now() + ms));

async function replyToOf(userId: string) {
  const [row] = await db.select({ replyTo: users.replyTo }).from(users).where(eq(users.id, userId));
  return row!.replyTo;
}

/** The reply-to a letter written now goes out with. */
async function letterReplyTo() {
  const id = await queueThanks(seeded, { test: true });
  const [letter] = await db.select({ replyTo: letters.replyTo }).from(letters).where(eq(letters.id, id));
  return letter!.replyTo;
}

const mailsTo = (address: string) =>
  db.select().from(outboxMessages).where(eq(outboxMessages.to, [address])).orderBy(desc(outboxMessages.createdAt));

/** The token in the newest confirmation mail to `address`. */
async function linkSentTo(address: string) {
  const [mail] = await mailsTo(address);
  expect(mail, `no mail to ${address}`).toBeDefined();
  const match = /\/settings\/reply-to\?token=([A-Za-z0-9_-]+)/.exec(mail!.text);
  expect(match, 'the mail has no confirmation link').not.toBeNull();
  return match![1]!;
}

describe('a new reply-to address', () => {
  it('waits for its link: letters keep replying to the sign-in address, and the link is mailed to it', async () => {
    const result = await save('Ada@Home.example');

    expect(result).toMatchObject({ ok: true, message: 'Settings saved. We sent a link to ada@home.example; replies go there once you confirm it.' });
    expect(await replyToOf(seeded.ada.id)).toBeNull();
    expect(await letterReplyTo()).toBe('ada@example.com');

    const [mail] = await mailsTo('ada@home.example');
    expect(mail).toMatchObject({ subject: 'Confirm your reply-to address for Afterword', replyTo: null });
    expect(mail!.text).toContain('ada@example.com');
    expect(mail!.html).toContain('/settings/reply-to?token=');
    expect(mail!.text).toContain(`expires in ${REPLY_TO_LINK_HOURS} hours`);

    // Stored hashed: the token itself is only in the mail.
    const token = await linkSentTo('ada@home.example');
    const [pending] = await db.select().from(replyToConfirmations).where(eq(replyToConfirmations.userId, seeded.ada.id));
    expect(pending).toMatchObject({ address: 'ada@home.example', tokenHash: crypto.createHash('sha256').update(token).digest('hex') });
    expect(JSON.stringify(pending)).not.toContain(token);
    expect(pending!.expiresAt.getTime()).toBe(NOW.getTime() + REPLY_TO_LINK_HOURS * 60 * MINUTE);
  });

  it('is used by letters once the account that asked confirms it, and its link works once', async () => {
    await save('ada@home.example');
    const token = await linkSentTo('ada@home.example');

    expect(await confirm(token)).toMatchObject({ ok: true, message: 'Confirmed: replies to your letters now go to ada@home.example.' });
    expect(await replyToOf(seeded.ada.id)).toBe('ada@home.example');
    expect(await letterReplyTo()).toBe('ada@home.example');
    expect(await db.select().from(replyToConfirmations)).toEqual([]);

    expect(await confirm(token)).toEqual(expect.objectContaining({ ok: false, message: REPLY_TO_LINK_REFUSED }));
  });

  it('is not confirmed by another account opening the link, which leaves the link working for its owner', async () => {
    await save('ada@home.example');
    const token = await linkSentTo('ada@home.example');

    session.user = seeded.mallory;
    expect(await confirm(token)).toMatchObject({ ok: false, message: REPLY_TO_LINK_REFUSED });
    expect(await replyToOf(seeded.mallory.id)).toBeNull();
    expect(await replyToOf(seeded.ada.id)).toBeNull();

    session.user = seeded.ada;
    expect(await confirm(token)).toMatchObject({ ok: true });
    expect(await replyToOf(seeded.ada.id)).toBe('ada@home.example');
  });

  it('is not confirmed by a link past its hours, or by a made-up token', async () => {
    await save('ada@home.example');
    const token = await linkSentTo('ada@home.example');

    expect(await confirm('not-a-token')).toMatchObject({ ok: false, message: REPLY_TO_LINK_REFUSED });
    later(REPLY_TO_LINK_HOURS * 60 * MINUTE);
    expect(await confirm(token)).toMatchObject({ ok: false, message: REPLY_TO_LINK_REFUSED });
    expect(await replyToOf(seeded.ada.id)).toBeNull();
    expect(await letterReplyTo()).toBe('ada@example.com');
  });

  it('refuses a token too long to be one before looking it up', async () => {
    const result = await confirm('x'.repeat(201));
    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.token).toEqual(['This link is not one Afterword made.']);
  });

  it('replaces the one waiting when changed again: only the newest link works', async () => {
    await save('ada@home.example');
    const first = await linkSentTo('ada@home.example');
    later(MINUTE);
    await save('ada@work.example');
    const second = await linkSentTo('ada@work.example');

    expect(await confirm(first)).toMatchObject({ ok: false });
    expect(await confirm(second)).toMatchObject({ ok: true });
    expect(await replyToOf(seeded.ada.id)).toBe('ada@work.example');
  });

  it('keeps a confirmed address in use while a newer one waits', async () => {
    await db.update(users).set({ replyTo: 'ada@home.example' }).where(eq(users.id, seeded.ada.id));

    await save('ada@work.example');

    expect(await replyToOf(seeded.ada.id)).toBe('ada@home.example');
    expect(await letterReplyTo()).toBe('ada@home.example');
  });

  it('sends no second mail when the settings are saved again with the address still waiting', async () => {
    await save('ada@home.example');
    later(MINUTE);

    expect(await save('ada@home.example', 'Ada King')).toMatchObject({ ok: true, message: 'Settings saved. ada@home.example is still waiting for confirmation.' });
    expect(await mailsTo('ada@home.example')).toHaveLength(1);
    const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, seeded.ada.id));
    expect(row!.name).toBe('Ada King');
  });
});

describe('no confirmation needed', () => {
  it('clearing the address goes back to the sign-in address at once, and drops the one waiting', async () => {
    await db.update(users).set({ replyTo: 'ada@home.example' }).where(eq(users.id, seeded.ada.id));
    await save('ada@work.example');
    const token = await linkSentTo('ada@work.example');

    expect(await save('')).toMatchObject({ ok: true, message: 'Settings saved.' });

    expect(await replyToOf(seeded.ada.id)).toBeNull();
    expect(await letterReplyTo()).toBe('ada@example.com');
    expect(await confirm(token)).toMatchObject({ ok: false });
  });

  it('the sign-in address is in use at once, with no mail', async () => {
    expect(await save('ADA@example.com')).toMatchObject({ ok: true, message: 'Settings saved.' });
    expect(await replyToOf(seeded.ada.id)).toBe('ada@example.com');
    expect(await db.select().from(outboxMessages)).toEqual([]);
  });
});

describe('one confirmation mail a minute per person', () => {
  it('refuses a second new address within the minute at the field, saving nothing', async () => {
    await save('ada@home.example');

    const refused = await save('ada@work.example', 'Ada King');

    expect(refused.ok).toBe(false);
    expect(refused.fieldErrors?.replyTo).toEqual(['Too many confirmation mails in a minute; wait 50 seconds and try again.']);
    expect(refused.values?.replyTo).toBe('ada@work.example');
    expect(await mailsTo('ada@work.example')).toEqual([]);
    const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, seeded.ada.id));
    expect(row!.name).toBe('Ada Lovelace');
    const [pending] = await db.select().from(replyToConfirmations);
    expect(pending!.address).toBe('ada@home.example');
  });

  it('"Resend link" is held to the same minute, and a new link replaces the old', async () => {
    await save('ada@home.example');
    const first = await linkSentTo('ada@home.example');

    expect(await resendReplyToLinkAction({ ok: false }, form({}))).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many confirmation mails/) });
    expect(await mailsTo('ada@home.example')).toHaveLength(1);

    later(MINUTE);
    expect(await resendReplyToLinkAction({ ok: false }, form({}))).toMatchObject({ ok: true, message: 'We sent a new link to ada@home.example.' });
    const second = await linkSentTo('ada@home.example');
    expect(second).not.toBe(first);
    expect(await confirm(first)).toMatchObject({ ok: false });
    expect(await confirm(second)).toMatchObject({ ok: true });
  });

  it('is counted per person: another account is not held back', async () => {
    await save('ada@home.example');
    session.user = seeded.mallory;
    expect(await save('mallory@home.example', 'Mallory')).toMatchObject({ ok: true });
    expect(await mailsTo('mallory@home.example')).toHaveLength(1);
  });
});
