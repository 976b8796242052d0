import { beforeEach, describe, expect, it } from 'vitest';
import { applicationsTable, type TableQuery } from '@/db/queries/pipeline';
import type { SessionUser } from '@/lib/auth/user';
import { setupTestDatabase } from '../support/database';
import { seedApplication, seedContact, seedPerson } from './board-seed';

setupTestDatabase();

const base: TableQuery = { q: '', stage: null, archived: 'hide', sort: 'updated', dir: 'desc', page: 1 };
const table = (userId: string, query: Partial<TableQuery> = {}, pageSize?: number) => applicationsTable(userId, { ...base, ...query }, pageSize);
const positions = async (userId: string, query: Partial<TableQuery> = {}) => (await table(userId, query)).rows.map((r) => r.position);
const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 3600 * 1000);

describe('applicationsTable', () => {
  let ada: SessionUser;
  beforeEach(async () => {
    ada = await seedPerson();
  });

  it('searches company, position and the names of linked contacts, once per application', async () => {
    const acme = await seedApplication(ada.id, { company: 'Acme Rockets', position: 'Flight Engineer' });
    await seedApplication(ada.id, { company: 'Globex', position: 'Rocket Scientist' });
    await seedApplication(ada.id, { company: 'Initech', position: 'Analyst' });
    // Two matching contacts on one application must not make two rows.
    await seedContact(ada.id, acme, 'Grace Hopper', true);
    await seedContact(ada.id, acme, 'Grace Kelly');

    expect((await positions(ada.id, { q: 'rocket' })).sort()).toEqual(['Flight Engineer', 'Rocket Scientist']);
    const byContact = await table(ada.id, { q: 'GRACE' });
    expect(byContact.rows.map((r) => r.position)).toEqual(['Flight Engineer']);
    expect(byContact.total).toBe(1);
    expect(byContact.rows[0].primaryContact).toBe('Grace Hopper');
    expect(await positions(ada.id, { q: 'nobody' })).toEqual([]);
  });

  it('searches % and _ literally', async () => {
    await seedApplication(ada.id, { position: '100% remote' });
    await seedApplication(ada.id, { position: 'Engineer' });
    expect(await positions(ada.id, { q: '%' })).toEqual(['100% remote']);
    expect(await positions(ada.id, { q: '_' })).toEqual([]);
  });

  it('filters by stage and by archived', async () => {
    await seedApplication(ada.id, { position: 'A', stage: 'applied' });
    await seedApplication(ada.id, { position: 'B', stage: 'applied', archived: true });
    await seedApplication(ada.id, { position: 'C', stage: 'offer' });
    expect(await positions(ada.id, { stage: 'applied' })).toEqual(['A']);
    expect(await positions(ada.id, { stage: 'applied', archived: 'only' })).toEqual(['B']);
    expect((await positions(ada.id, { stage: 'applied', archived: 'all' })).sort()).toEqual(['A', 'B']);
    expect((await table(ada.id, { archived: 'all' })).total).toBe(3);
  });

  it('sorts by company, by stage in pipeline order, by applied date and by last update', async () => {
    await seedApplication(ada.id, { company: 'beta', position: 'P1', stage: 'offer', appliedOn: '2026-01-10', stageChangedAt: daysAgo(3) });
    await seedApplication(ada.id, { company: 'Alpha', position: 'P2', stage: 'wishlist', appliedOn: null, stageChangedAt: daysAgo(1) });
    await seedApplication(ada.id, { company: 'Gamma', position: 'P3', stage: 'applied', appliedOn: '2026-02-01', stageChangedAt: daysAgo(2) });

    expect(await positions(ada.id, { sort: 'company', dir: 'asc' })).toEqual(['P2', 'P1', 'P3']);
    expect(await positions(ada.id, { sort: 'company', dir: 'desc' })).toEqual(['P3', 'P1', 'P2']);
    expect(await positions(ada.id, { sort: 'stage', dir: 'asc' })).toEqual(['P2', 'P3', 'P1']);
    expect(await positions(ada.id, { sort: 'stage', dir: 'desc' })).toEqual(['P1', 'P3', 'P2']);
    // Applications not yet applied for come last either way.
    expect(await positions(ada.id, { sort: 'applied', dir: 'desc' })).toEqual(['P3', 'P1', 'P2']);
    expect(await positions(ada.id, { sort: 'applied', dir: 'asc' })).toEqual(['P1', 'P3', 'P2']);
    expect(await positions(ada.id, { sort: 'updated', dir: 'desc' })).toEqual(['P2', 'P3', 'P1']);
  });

  it('pages through the results with the total, never repeating or skipping a row', async () => {
    for (let i = 0; i < 7; i++) await seedApplication(ada.id, { company: 'Same', position: `P${i}` });
    const seen = [];
    for (let page = 1; page <= 3; page++) {
      const { rows, total } = await table(ada.id, { sort: 'company', dir: 'asc', page }, 3);
      expect(total).toBe(7);
      expect(rows.length).toBe(page === 3 ? 1 : 3);
      seen.push(...rows.map((r) => r.id));
    }
    expect(new Set(seen).size).toBe(7);
    expect((await table(ada.id, { page: 4 }, 3)).rows).toEqual([]);
  });

  it('never lists another person’s applications, even when they match', async () => {
    const bob = await seedPerson('Bob');
    const bobs = await seedApplication(bob.id, { company: 'Acme Rockets' });
    await seedContact(bob.id, bobs, 'Grace Hopper', true);
    const mine = await seedApplication(ada.id, { company: 'Initech' });
    await seedContact(ada.id, mine, 'Someone Else', true);
    expect(await table(ada.id, { q: 'acme', archived: 'all' })).toEqual({ rows: [], total: 0 });
    expect(await table(ada.id, { q: 'grace', archived: 'all' })).toEqual({ rows: [], total: 0 });
    const all = await table(ada.id, { archived: 'all' });
    expect(all.rows.map((r) => r.id)).toEqual([mine]);
    expect(all.rows[0].primaryContact).toBe('Someone Else');
  });
});
