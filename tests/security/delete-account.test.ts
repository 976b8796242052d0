import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import ts from 'typescript';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { deleteAccountRows, lockAccount } from '@/db/queries/account';
import { claimLetter } from '@/db/queries/letter-queue';
import { lockUnsentLetters } from '@/db/queries/letters';
import * as schema from '@/db/schema';
import { LETTER_BEING_SENT } from '@/lib/errors';
import { CLAIM_MS } from '@/lib/letters/retry';
import { ACCOUNT_DELETED_PATH } from '@/lib/settings/delete-account';
import { deleteAccount } from '@/server/settings/delete-account';
import { personTables } from '../architecture/user-scope';
import { seedLetter } from '../letter-pages/seed';
import { setupTestDatabase } from '../support/database';
import { seedPerson, seedWholeAccount, type Person } from './support/whole-account';

const session = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string } | null }));
vi.mock('@/lib/auth/user', () => ({
  getUser: async () => session.user,
  requireUser: async () => session.user,
}));
const auth = vi.hoisted(() => ({ signOut: vi.fn() }));
vi.mock('@/auth', () => ({ signOut: auth.signOut, oauthProviders: () => [] }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { deleteMyAccount } = await import('@/app/(app)/settings/actions');
const { default: DeleteAccountPage } = await import('@/app/(app)/settings/delete-account/page');
const { default: SignInPage } = await import('@/app/(auth)/sign-in/page');

const database = setupTestDatabase();

const root = path.resolve(import.meta.dirname, '../..');
const schemaPath = path.join(root, 'db/schema.ts');
const tables = personTables(ts.createSourceFile(schemaPath, fs.readFileSync(schemaPath, 'utf8'), ts.ScriptTarget.Latest, true));
type AnyTable = typeof schema.letters;
const tableNamed = (name: string) => (schema as unknown as Record<string, AnyTable>)[name];

/** Every row a person has in every table with a user_id column, and their own row. */
async function everythingOf(person: Person) {
  const rows: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const table = tableNamed(name);
    const column = name === 'users' ? (table as unknown as typeof schema.users).id : table.userId;
    rows[name] = await db.select().from(table).where(eq(column, person.id));
  }
  return rows;
}

const verificationTokensFor = (email: string) =>
  db.select().from(schema.verificationTokens).where(eq(schema.verificationTokens.identifier, email));

let ada: Person;
let grace: Person;
let seeded: Awaited<ReturnType<typeof seedWholeAccount>>;

beforeEach(async () => {
  ada = await seedPerson('ada');
  grace = await seedPerson('grace');
  seeded = await seedWholeAccount(ada);
  await seedWholeAccount(grace);
  for (const person of [ada, grace]) {
    await db.insert(schema.verificationTokens).values({ identifier: person.email, token: `${person.name}-link`, expires: new Date(Date.now() + 600_000) });
  }
  session.user = ada;
  auth.signOut.mockReset();
});

describe('deleting an account', () => {
  it('deletes every row the person owns, and nothing of anyone else’s', async () => {
    const before = await everythingOf(ada);
    for (const name of ['users', 'letters', 'letterRecipients', 'letterEvents', 'sessions', 'accounts', 'dashboardChanges', 'sendingLedger']) {
      expect(before[name].length, name).toBeGreaterThan(0);
    }
    const graceBefore = await everythingOf(grace);

    expect(await deleteAccount(ada.id, ` ${ada.email.toUpperCase()} `)).toEqual({ deleted: true, lettersCancelled: 1 });

    const after = await everythingOf(ada);
    for (const { name } of tables) if (name !== 'sendingLedger') expect(after[name], name).toEqual([]);
    // The sending cap's ledger outlives the account, or deleting it would
    // reset the cap: a count and a time under an id that now names no one.
    expect(after.sendingLedger).toEqual(before.sendingLedger);
    expect(Object.keys(after.sendingLedger[0] as object).sort()).toEqual(['createdAt', 'id', 'recipients', 'userId']);
    expect(await verificationTokensFor(ada.email)).toEqual([]);
    expect(await everythingOf(grace)).toEqual(graceBefore);
    expect(await verificationTokensFor(grace.email)).toHaveLength(1);
  });

  it('cancels the letters not sent yet: the sender finds nothing to send', async () => {
    await db.update(schema.letters).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(schema.letters.id, seeded.queuedLetter));
    await deleteAccount(ada.id, ada.email);
    expect(await claimLetter(seeded.queuedLetter, CLAIM_MS)).toBeNull();
  });

  it('a sender that comes while the deletion runs waits for it, then finds nothing to send', async () => {
    await db.update(schema.letters).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(schema.letters.id, seeded.queuedLetter));
    let locked!: () => void;
    const lettersLocked = new Promise<void>((resolve) => (locked = resolve));
    const [claimed] = await Promise.all([
      (async () => {
        // On Postgres the claim really comes while the deletion holds the letters; PGlite runs them one after the other.
        if (database.kind === 'postgres') await lettersLocked;
        return claimLetter(seeded.queuedLetter, CLAIM_MS);
      })(),
      db.transaction(async (tx) => {
        const email = await lockAccount(tx, ada.id);
        expect(await lockUnsentLetters(tx, ada.id, 'all')).toEqual({ queued: 1, beingSent: 0 });
        locked();
        await new Promise((resolve) => setTimeout(resolve, 300));
        await deleteAccountRows(tx, ada.id, email!);
      }),
    ]);
    expect(claimed).toBeNull();
  });

  it('deletes nothing when the address typed is not the account’s', async () => {
    const before = await everythingOf(ada);
    expect(await deleteAccount(ada.id, grace.email)).toEqual({ deleted: false, reason: 'wrong_email' });
    expect(await everythingOf(ada)).toEqual(before);
  });

  it('is refused while a letter is with a sender, and deletes nothing', async () => {
    await seedLetter(ada.id, { claimedUntil: new Date(Date.now() + 60_000), attempts: 1 });
    const before = await everythingOf(ada);
    await expect(deleteAccount(ada.id, ada.email)).rejects.toThrow(LETTER_BEING_SENT);
    expect(await everythingOf(ada)).toEqual(before);
  });

  it('goes ahead once a dead sender’s lease has run out', async () => {
    await seedLetter(ada.id, { claimedUntil: new Date(Date.now() - 1000), attempts: 1 });
    expect(await deleteAccount(ada.id, ada.email)).toMatchObject({ deleted: true, lettersCancelled: 2 });
  });
});

describe('the delete-account action', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };
  const users = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(schema.users))[0].n;

  it('deletes the account, then signs out to the sign-in page, which says the account is gone', async () => {
    await deleteMyAccount({ ok: false }, form({ email: ada.email }));
    expect(auth.signOut).toHaveBeenCalledWith({ redirectTo: ACCOUNT_DELETED_PATH });
    expect(await db.select().from(schema.users).where(eq(schema.users.id, ada.id))).toEqual([]);
    expect(await users()).toBe(1);
  });

  it('puts a wrong or missing address next to the field, deleting nothing', async () => {
    for (const email of ['', '   ', grace.email, 'x'.repeat(300)]) {
      const state = await deleteMyAccount({ ok: false }, form({ email }));
      expect(state.ok).toBe(false);
      expect(state.fieldErrors?.email?.[0], email).toMatch(/address/);
    }
    const state = await deleteMyAccount({ ok: false }, form({}));
    expect(state.fieldErrors?.email).toBeDefined();
    expect(auth.signOut).not.toHaveBeenCalled();
    expect(await users()).toBe(2);
  });

  it('says to try again in a minute while a letter is being sent', async () => {
    await seedLetter(ada.id, { claimedUntil: new Date(Date.now() + 60_000), attempts: 1 });
    const state = await deleteMyAccount({ ok: false }, form({ email: ada.email }));
    expect(state).toMatchObject({ ok: false, message: LETTER_BEING_SENT });
    expect(auth.signOut).not.toHaveBeenCalled();
  });

  it('refuses a visitor with no session', async () => {
    session.user = null;
    const state = await deleteMyAccount({ ok: false }, form({ email: ada.email }));
    expect(state.ok).toBe(false);
    expect(await users()).toBe(2);
  });
});

describe('the delete-account page', () => {
  it('names what goes, with counts, and asks for the address', async () => {
    const page = renderToStaticMarkup((await DeleteAccountPage()) as ReactElement);
    expect(page).toContain('2 applications at 2 companies');
    expect(page).toContain('1 interview<');
    expect(page).toContain('1 contact<');
    expect(page).toContain('2 letters, with their recipients');
    expect(page).toContain('1 letter not sent yet will not be sent');
    expect(page).toContain('1 template of your own');
    expect(page).toContain(`Type ${ada.email}`);
    expect(page).not.toContain('grace');
  });
});

describe('the sign-in page after a deletion', () => {
  const signInPage = async (path: string) => {
    session.user = null;
    const params = Object.fromEntries(new URL(path, 'http://localhost').searchParams);
    return renderToStaticMarkup((await SignInPage({ searchParams: Promise.resolve(params) })) as ReactElement);
  };

  it('says the account is gone', async () => {
    expect(await signInPage(ACCOUNT_DELETED_PATH)).toContain('Your account has been deleted');
    expect(await signInPage('/sign-in')).not.toContain('Your account has been deleted');
  });
});
