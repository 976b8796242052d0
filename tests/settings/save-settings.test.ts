import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { outboxMessages, users, type User } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { restoreEnv, useOutboxMode } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';

const session = vi.hoisted(() => ({ getUser: vi.fn<() => Promise<SessionUser | null>>() }));
vi.mock('@/lib/auth/user', () => ({ getUser: session.getUser }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { revalidatePath } = await import('next/cache');
const { saveSettings, confirmReplyToAction } = await import('@/app/(app)/settings/actions');

setupTestDatabase();

let ada: User;
let grace: User;

afterEach(() => restoreEnv());

beforeEach(async () => {
  useOutboxMode();
  vi.mocked(revalidatePath).mockClear();
  [ada, grace] = await db
    .insert(users)
    .values([
      { email: 'ada@example.com', name: 'Ada Lovelace', signature: 'Yours,\nAda', replyTo: null },
      { email: 'grace@example.com', name: 'Grace Hopper', signature: 'Grace', replyTo: 'grace@navy.example' },
    ])
    .returning();
  session.getUser.mockResolvedValue({ id: ada!.id, email: ada!.email, name: ada!.name });
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

async function row(id: string) {
  const [found] = await db.select().from(users).where(eq(users.id, id));
  return found;
}

describe('saveSettings', () => {
  it('saves the name, closing and reply-to on the signed-in user only', async () => {
    const longAgo = new Date('2020-01-01T00:00:00Z');
    await db.update(users).set({ updatedAt: longAgo }).where(eq(users.id, ada.id));

    const result = await saveSettings(
      { ok: false },
      form({ name: '  Ada King ', signature: 'Kind regards,\nAda King', replyTo: 'Ada@Lovelace.example' }),
    );

    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/^Settings saved\. We sent a link to ada@lovelace\.example/) });
    // The new reply-to waits for its link before letters use it.
    expect(await row(ada.id)).toMatchObject({
      name: 'Ada King',
      signature: 'Kind regards,\nAda King',
      replyTo: null,
      email: 'ada@example.com',
    });
    const [mail] = await db.select().from(outboxMessages);
    const token = /reply-to\?token=([\w-]+)/.exec(mail!.text)![1]!;
    expect(await confirmReplyToAction({ ok: false }, form({ token }))).toMatchObject({ ok: true });
    expect(await row(ada.id)).toMatchObject({ replyTo: 'ada@lovelace.example', email: 'ada@example.com' });
    expect((await row(ada.id))!.updatedAt.getTime()).toBeGreaterThan(longAgo.getTime());
    expect(await row(grace.id)).toEqual(grace);
    expect(revalidatePath).toHaveBeenCalledWith('/', 'layout');
  });

  it('stores a blank closing and reply-to as null', async () => {
    await saveSettings({ ok: false }, form({ name: 'Ada', signature: '   ', replyTo: ' ' }));

    expect(await row(ada.id)).toMatchObject({ name: 'Ada', signature: null, replyTo: null });
  });

  it('returns an error per field and what was typed, and saves nothing', async () => {
    const typed = { name: '', signature: 'Best,\nAda', replyTo: 'bad,addr@x.com' };

    const result = await saveSettings({ ok: false }, form(typed));

    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.name).toEqual([
      'Enter your name: it signs your letters and names you in the From line.',
    ]);
    expect(result.fieldErrors?.replyTo).toEqual(['Enter one address only, without commas or semicolons.']);
    expect(result.fieldErrors?.signature).toBeUndefined();
    expect(result.values).toEqual(typed);
    expect(await row(ada.id)).toEqual(ada);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('saves the time zone, undo window and digest, and an unticked box turns the digest off', async () => {
    const fields = { name: 'Ada', signature: '', replyTo: '', timeZone: 'Europe/Berlin', undoSeconds: '0', digestTime: '07:15' };
    // The form sends a hidden "off", then the box's "on" when ticked: the last one counts.
    const data = form(fields);
    data.append('digestEnabled', 'off');
    expect(await saveSettings({ ok: false }, data)).toMatchObject({ ok: true });
    expect(await row(ada.id)).toMatchObject({ timeZone: 'Europe/Berlin', undoSeconds: 0, digestEnabled: false, digestMinute: 435 });
    expect(await row(grace.id)).toMatchObject({ timeZone: 'UTC', undoSeconds: 10, digestEnabled: true, digestMinute: 480 });

    const ticked = form({ ...fields, undoSeconds: '60', digestTime: '23:59' });
    ticked.append('digestEnabled', 'off');
    ticked.append('digestEnabled', 'on');
    await saveSettings({ ok: false }, ticked);
    expect(await row(ada.id)).toMatchObject({ undoSeconds: 60, digestEnabled: true, digestMinute: 1439 });
  });

  it('refuses an unknown zone, an undo window outside 0–60 s and a time that is no time, next to each field', async () => {
    const typed = {
      name: 'Ada',
      signature: '',
      replyTo: '',
      timeZone: 'Mars/Olympus_Mons',
      undoSeconds: '61',
      digestEnabled: 'maybe',
      digestTime: '25:00',
    };
    const result = await saveSettings({ ok: false }, form(typed));
    expect(result.ok).toBe(false);
    expect(result.fieldErrors).toEqual({
      timeZone: ['Choose a time zone from the list.'],
      undoSeconds: ['At most 60 seconds.'],
      digestEnabled: ['Choose whether the digest comes.'],
      digestTime: ['Enter a time such as 08:00.'],
    });
    expect(result.values).toEqual(typed);
    for (const undoSeconds of ['-1', '1.5', 'ten', '9'.repeat(20)]) {
      const refused = await saveSettings({ ok: false }, form({ ...typed, timeZone: 'UTC', undoSeconds }));
      expect(refused.fieldErrors?.undoSeconds).toHaveLength(1);
    }
    expect(await row(ada.id)).toEqual(ada);
  });

  it('refuses a name over 100 characters but takes exactly 100', async () => {
    const refused = await saveSettings({ ok: false }, form({ name: 'A'.repeat(101), signature: '', replyTo: '' }));

    expect(refused.ok).toBe(false);
    expect(refused.fieldErrors?.name).toEqual(['Your name can be at most 100 characters.']);
    expect(await row(ada.id)).toEqual(ada);

    const taken = await saveSettings({ ok: false }, form({ name: 'A'.repeat(100), signature: '', replyTo: '' }));
    expect(taken.ok).toBe(true);
    expect((await row(ada.id))!.name).toBe('A'.repeat(100));
  });

  it('refuses a name that would break the From header', async () => {
    const result = await saveSettings({ ok: false }, form({ name: 'Ada "The Countess"', signature: '', replyTo: '' }));

    expect(result.fieldErrors?.name).toEqual(['Your name cannot contain line breaks, quotes or angle brackets.']);
    expect(await row(ada.id)).toEqual(ada);
  });

  it('ignores fields that try to point the write at another user or column', async () => {
    const result = await saveSettings(
      { ok: false },
      form({ name: 'Mallory', signature: '', replyTo: '', userId: grace.id, id: grace.id, email: 'x@evil.example' }),
    );

    expect(result.ok).toBe(true);
    expect(await row(grace.id)).toEqual(grace);
    expect(await row(ada.id)).toMatchObject({ id: ada.id, name: 'Mallory', email: 'ada@example.com' });
  });

  it('asks a signed-out visitor to sign in and saves nothing', async () => {
    session.getUser.mockResolvedValue(null);

    const result = await saveSettings({ ok: false }, form({ name: 'Mallory', signature: '', replyTo: '' }));

    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/sign in/i);
    expect(await row(ada.id)).toEqual(ada);
    expect(await row(grace.id)).toEqual(grace);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('says the account is gone when the session outlives the user', async () => {
    await db.delete(users).where(eq(users.id, ada.id));

    const result = await saveSettings({ ok: false }, form({ name: 'Ada', signature: '', replyTo: '' }));

    expect(result).toMatchObject({ ok: false, message: 'Your account could not be found. Sign in again.' });
    expect(await row(grace.id)).toEqual(grace);
  });
});
