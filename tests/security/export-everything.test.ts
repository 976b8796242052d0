import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ts from 'typescript';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import * as schema from '@/db/schema';
import { personTables } from '../architecture/user-scope';
import { setupTestDatabase } from '../support/database';
import { seedPerson, seedWholeAccount, type Person } from './support/whole-account';

const session = vi.hoisted(() => ({ getUser: vi.fn() }));
vi.mock('@/lib/auth/user', () => ({ getUser: session.getUser, requireUser: session.getUser }));

const { GET: exportEverything } = await import('@/app/(app)/settings/export/route');

setupTestDatabase();

/**
 * The person's tables the export leaves out, each with why. Every other table
 * with a user_id column is in the file, under its name in db/schema.ts, row
 * for row; a new table fails this test until it is exported or listed here.
 */
const LEFT_OUT: Record<string, string> = {
  accounts: 'sign-in links to GitHub or Google, holding their OAuth tokens: secrets, not data',
  sessions: 'session tokens: secrets, not data',
  replyToConfirmations: 'a reply-to address not confirmed yet, with its link’s token: a secret, and not in use; the confirmed one is in the profile',
  dashboardSnapshots: 'a cache of the dashboard, computed from the rows exported',
  dashboardChanges: 'when rows changed, kept only to know when that cache is stale',
  digestLinks: 'the digest’s Send links: hashed tokens that work for 24 hours, secrets, not data; what they send is in the letters',
};

const root = path.resolve(import.meta.dirname, '../..');
const schemaPath = path.join(root, 'db/schema.ts');
const tables = personTables(ts.createSourceFile(schemaPath, fs.readFileSync(schemaPath, 'utf8'), ts.ScriptTarget.Latest, true));
const tableNamed = (name: string) => (schema as unknown as Record<string, typeof schema.letters>)[name];

/** Rows as they read in a JSON file, in one order whatever order they came in. */
const asJson = (rows: unknown[]) => (JSON.parse(JSON.stringify(rows)) as unknown[]).map((row) => JSON.stringify(row)).sort();

let ada: Person;
let grace: Person;

beforeEach(async () => {
  ada = await seedPerson('ada');
  grace = await seedPerson('grace');
  await seedWholeAccount(ada);
  await seedWholeAccount(grace);
  session.getUser.mockResolvedValue(ada);
});

async function exported() {
  const response = await exportEverything();
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, data: JSON.parse(text) as Record<string, unknown> };
}

describe('the JSON export holds everything the person owns', () => {
  it('names every table with a user_id column, or says why it is left out', () => {
    const names = tables.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['letters', 'letterRecipients', 'letterEvents', 'letterTemplates', 'flaggedAddresses']));
    for (const name of Object.keys(LEFT_OUT)) expect(names, `${name} is no longer one of the person's tables`).toContain(name);
  });

  it.each(tables.filter((t) => t.name !== 'users' && !(t.name in LEFT_OUT)).map((t) => [t.name]))(
    '%s: every row of the person’s, exactly as stored, and no one else’s',
    async (name) => {
      const table = tableNamed(name);
      const stored = await db.select().from(table).where(eq(table.userId, ada.id));
      expect(stored.length, `the seed writes no ${name}`).toBeGreaterThan(0);
      const { data } = await exported();
      expect(data[name], `the export has no "${name}"`).toBeInstanceOf(Array);
      expect(asJson(data[name] as unknown[])).toEqual(asJson(stored));
    },
  );

  it('the profile is the person’s row with their settings', async () => {
    const [row] = await db.select().from(schema.users).where(eq(schema.users.id, ada.id));
    const { data } = await exported();
    expect(asJson([data.profile])).toEqual(asJson([row]));
  });

  it('holds nothing else, no secret and nothing of anyone else’s', async () => {
    const { text, data } = await exported();
    const expected = tables.filter((t) => !(t.name in LEFT_OUT) && t.name !== 'users').map((t) => t.name);
    expect(Object.keys(data).sort()).toEqual([...expected, 'profile', 'format', 'version', 'exportedAt'].sort());
    for (const secret of ['secret-session-token', 'secret-access-token', 'secret-refresh-token', 'secret-reply-to-token-hash', 'secret-digest-token-hash', grace.id, 'grace']) {
      expect(text).not.toContain(secret);
    }
  });
});
