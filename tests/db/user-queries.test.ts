import { randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { getProfile, updateProfile } from '@/db/queries/users';
import { users, type User } from '@/db/schema';
import { setupTestDatabase } from '../support/database';

setupTestDatabase();

let ada: User;
let grace: User;

beforeEach(async () => {
  [ada, grace] = await db
    .insert(users)
    .values([
      { email: 'ada@example.com', name: 'Ada Lovelace', signature: 'Yours,\nAda', replyTo: 'ada@home.example' },
      { email: 'grace@example.com', name: 'Grace Hopper' },
    ])
    .returning();
});

// A new account's: UTC until the person picks their zone, a 10 s undo window, the digest at 08:00.
const DEFAULT_TIME_SETTINGS = { timeZone: 'UTC', undoSeconds: 10, digestEnabled: true, digestMinute: 480 };

const allUsers = () => db.select().from(users).orderBy(asc(users.email));

describe('getProfile', () => {
  it('returns the name, email, closing and reply-to of that user', async () => {
    expect(await getProfile(ada.id)).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      signature: 'Yours,\nAda',
      replyTo: 'ada@home.example',
      ...DEFAULT_TIME_SETTINGS,
    });
    expect(await getProfile(grace.id)).toEqual({
      name: 'Grace Hopper',
      email: 'grace@example.com',
      signature: null,
      replyTo: null,
      ...DEFAULT_TIME_SETTINGS,
    });
  });

  it('returns null for an id nobody has', async () => {
    expect(await getProfile(randomUUID())).toBeNull();
    expect(await getProfile('')).toBeNull();
  });
});

describe('updateProfile', () => {
  it('changes that user only and says so', async () => {
    const changed = await updateProfile(grace.id, { name: 'Rear Admiral Hopper', signature: 'G.', replyTo: null });

    expect(changed).toBe(true);
    expect(await getProfile(grace.id)).toMatchObject({ name: 'Rear Admiral Hopper', signature: 'G.', replyTo: null });
    expect(await allUsers()).toEqual([ada, expect.objectContaining({ id: grace.id, email: 'grace@example.com' })]);
  });

  it('returns false and changes nothing for an unknown id', async () => {
    const before = await allUsers();

    const changed = await updateProfile(randomUUID(), { name: 'Mallory', signature: null, replyTo: null });

    expect(changed).toBe(false);
    expect(await allUsers()).toEqual(before);
  });
});
