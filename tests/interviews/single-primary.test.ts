import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { linkContact } from '@/db/queries/contacts';
import { UserError } from '@/lib/errors';
import { isPrimaryConflict, PRIMARY_CONFLICT_MESSAGE, updateContactLink } from '@/server/contacts/link-contacts';
import { setupTestDatabase } from '../support/database';
import { links, seedApplication, seedContact, seedLink, seedPerson } from './support';

const database = setupTestDatabase();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function twoPeopleOnOneApplication() {
  const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
  const applicationId = await seedApplication(ada.id);
  const grace = await seedContact(ada.id, 'Grace Hopper', 'grace@navy.example');
  const alan = await seedContact(ada.id, 'Alan Turing', 'alan@bletchley.example');
  await seedLink(ada.id, applicationId, grace);
  await seedLink(ada.id, applicationId, alan);
  return { userId: ada.id, applicationId, grace, alan };
}

const primaries = async (userId: string, applicationId: string) =>
  (await links(userId, applicationId)).filter((l) => l.isPrimary).map((l) => l.contactId);

describe('one primary contact per application, under concurrent requests', () => {
  it('two linkContact calls in overlapping transactions leave exactly one primary; the loser fails on the unique index', async () => {
    const { userId, applicationId, grace, alan } = await twoPeopleOnOneApplication();
    let firstHasWritten!: () => void;
    const written = new Promise<void>((resolve) => (firstHasWritten = resolve));

    const results = await Promise.allSettled([
      db.transaction(async (tx) => {
        await linkContact(tx, userId, { applicationId, contactId: grace, role: 'interviewer', isPrimary: true });
        firstHasWritten();
        // Hold the transaction open so the second one runs into the uncommitted primary.
        await pause(300);
      }),
      (async () => {
        // On Postgres the second transaction starts while the first is still open; PGlite runs them one after the other.
        if (database.kind === 'postgres') await written;
        return db.transaction((tx) => linkContact(tx, userId, { applicationId, contactId: alan, role: 'interviewer', isPrimary: true }));
      })(),
    ]);

    const remaining = await primaries(userId, applicationId);
    expect(remaining).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    // Postgres really overlaps the two, so one must lose; PGlite serializes them.
    expect(rejected).toHaveLength(database.kind === 'postgres' ? 1 : 0);
    if (rejected.length > 0) {
      // The race was real: the loser is told by the database, and nothing half-done remains.
      expect(rejected).toHaveLength(1);
      expect(isPrimaryConflict(rejected[0].reason)).toBe(true);
      expect(remaining).toEqual([grace]);
    } else {
      // Serialized: the later write wins cleanly.
      expect(remaining).toEqual([alan]);
    }
  });

  it('two "make primary" requests at once: exactly one primary, and the loser gets a clear message, never a crash', async () => {
    const { userId, applicationId, grace, alan } = await twoPeopleOnOneApplication();

    const results = await Promise.allSettled([
      updateContactLink(userId, { applicationId, contactId: grace, isPrimary: true }),
      updateContactLink(userId, { applicationId, contactId: alan, isPrimary: true }),
    ]);

    const remaining = await primaries(userId, applicationId);
    expect(remaining).toHaveLength(1);
    expect([grace, alan]).toContain(remaining[0]);
    for (const result of results) {
      if (result.status === 'fulfilled') expect(result.value).toBe(true);
      else {
        expect(result.reason).toBeInstanceOf(UserError);
        expect(result.reason.message).toBe(PRIMARY_CONFLICT_MESSAGE);
      }
    }
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
  });

  it('recognises the one-primary violation however the driver wraps it, and nothing else', () => {
    const pg = Object.assign(new Error('duplicate key'), { code: '23505', constraint_name: 'application_contacts_one_primary_idx' });
    const pglite = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'application_contacts_one_primary_idx' });
    expect(isPrimaryConflict(new Error('Failed query', { cause: pg }))).toBe(true);
    expect(isPrimaryConflict(pglite)).toBe(true);
    expect(isPrimaryConflict(Object.assign(new Error('dup'), { code: '23505', constraint_name: 'contacts_user_email_idx' }))).toBe(false);
    expect(isPrimaryConflict(new Error('boom'))).toBe(false);
  });
});
