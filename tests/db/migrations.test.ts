import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { users } from '@/db/schema';
import { setupTestDatabase } from '../support/database';

const database = setupTestDatabase();

describe(`migrated database (${process.env.TEST_DATABASE})`, () => {
  it('has every table and enforces unique emails', async () => {
    await db.insert(users).values({ email: 'ada@example.com' });
    await expect(db.insert(users).values({ email: 'ada@example.com' })).rejects.toThrow();
    const rows = await db.select().from(users);
    expect(rows.map((r) => r.email)).toEqual(['ada@example.com']);
    expect(database.kind).toBe(process.env.TEST_DATABASE);
  });

  it('starts each test empty', async () => {
    const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
    expect(count).toBe(0);
  });
});
