import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { CONTACTS_PER_PAGE, listContacts, mergeCandidates } from '@/db/queries/contact-list';
import { recordActivity } from '@/db/queries/activity';
import { contacts } from '@/db/schema';
import { setupTestDatabase } from '../support/database';
import { seedApplication, seedContact, seedInterview, seedLink, twoPeople } from './support/seed';

setupTestDatabase();

const people = twoPeople();

describe('listContacts', () => {
  it('lists only the person’s own contacts, by name, with their company', async () => {
    await seedContact(people.ada.id, { name: 'Margaret Hamilton', company: 'NASA', title: 'Director' });
    await seedContact(people.ada.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
    await seedContact(people.bob.id, { name: 'Alan Turing' });

    const { rows, total, pages } = await listContacts(people.ada.id);
    expect(rows.map((r) => [r.name, r.company, r.title, r.email])).toEqual([
      ['Grace Hopper', null, null, 'grace@navy.example'],
      ['Margaret Hamilton', 'NASA', 'Director', null],
    ]);
    expect(total).toBe(2);
    expect(pages).toBe(1);
  });

  it('searches name, email, title and company name, case-insensitively, taking % literally', async () => {
    await seedContact(people.ada.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
    await seedContact(people.ada.id, { name: 'Margaret Hamilton', company: 'NASA' });
    await seedContact(people.ada.id, { name: 'Katherine Johnson', title: 'Research Mathematician' });
    await seedContact(people.ada.id, { name: 'Dorothy 100% Vaughan' });
    await seedContact(people.bob.id, { name: 'Grace Someone-Else' });

    const names = async (q: string) => (await listContacts(people.ada.id, { q })).rows.map((r) => r.name);
    expect(await names('grace')).toEqual(['Grace Hopper']);
    expect(await names('NAVY.example')).toEqual(['Grace Hopper']);
    expect(await names('mathematic')).toEqual(['Katherine Johnson']);
    expect(await names('nasa')).toEqual(['Margaret Hamilton']);
    expect(await names('0%')).toEqual(['Dorothy 100% Vaughan']);
    expect(await names('_')).toEqual([]);
    expect((await listContacts(people.ada.id, { q: 'nasa' })).total).toBe(1);
  });

  it('lists a contact who matches by name and by company once, and counts them once', async () => {
    await seedContact(people.ada.id, { name: 'Nora Atlas', company: 'Atlas Labs' });
    await seedContact(people.ada.id, { name: 'Omar Reyes', company: 'Atlas Labs' });

    const found = await listContacts(people.ada.id, { q: 'atlas' });
    expect(found.rows.map((r) => r.name)).toEqual(['Nora Atlas', 'Omar Reyes']);
    expect(found.total).toBe(2);
  });

  it('pages by 50 with one count for all pages', async () => {
    await db.insert(contacts).values(
      Array.from({ length: 120 }, (_, i) => ({ userId: people.ada.id, name: `Person ${String(i).padStart(3, '0')}` })),
    );
    const first = await listContacts(people.ada.id, { page: 1 });
    const third = await listContacts(people.ada.id, { page: 3 });
    expect(first.rows).toHaveLength(CONTACTS_PER_PAGE);
    expect(first.rows[0].name).toBe('Person 000');
    expect(third.rows.map((r) => r.name)).toEqual(Array.from({ length: 20 }, (_, i) => `Person ${100 + i}`));
    expect(third).toMatchObject({ total: 120, pages: 3, page: 3 });
    expect((await listContacts(people.ada.id, { page: 9 })).rows).toEqual([]);
    expect((await listContacts(people.ada.id, { page: -4 })).page).toBe(1);
  });

  it('counts linked applications and finds the latest activity with each contact', async () => {
    const grace = await seedContact(people.ada.id, { name: 'Grace Hopper' });
    const lonely = await seedContact(people.ada.id, { name: 'Lonely Contact' });
    const acme = await seedApplication(people.ada.id, 'Acme');
    const globex = await seedApplication(people.ada.id, 'Globex');
    await seedLink(people.ada.id, acme, grace, { isPrimary: true });
    await seedLink(people.ada.id, globex, grace);
    await db.execute(sql`update activities set occurred_at = '2025-01-01T00:00:00Z'`);
    // An interview they attended is activity with them, even if no event names them.
    await seedInterview(people.ada.id, acme, [grace], { scheduledAt: new Date('2025-06-01T10:00:00Z') });
    // An interview still to come is not "last activity".
    await seedInterview(people.ada.id, globex, [grace], { scheduledAt: new Date(Date.now() + 7 * 86_400_000) });

    const { rows } = await listContacts(people.ada.id);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['Grace Hopper'].applicationCount).toBe(2);
    expect(byName['Grace Hopper'].lastActivityAt).toEqual(new Date('2025-06-01T10:00:00Z'));
    expect(byName['Lonely Contact'].applicationCount).toBe(0);
    expect(byName['Lonely Contact'].lastActivityAt).toEqual(new Date('2025-01-01T00:00:00Z'));

    await recordActivity(db, people.ada.id, { kind: 'letter_sent', contactId: lonely, occurredAt: new Date('2025-09-09T09:00:00Z') });
    const again = await listContacts(people.ada.id, { q: 'lonely' });
    expect(again.rows[0].lastActivityAt).toEqual(new Date('2025-09-09T09:00:00Z'));
  });
});

describe('mergeCandidates', () => {
  it('offers the person’s other contacts, likely duplicates first, never the contact itself', async () => {
    const grace = await seedContact(people.ada.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
    await seedContact(people.ada.id, { name: 'Aaron Adams' });
    await seedContact(people.ada.id, { name: 'G. Hopper' });
    await seedContact(people.ada.id, { name: 'Admiral', email: 'admiral@navy.example' });
    await seedContact(people.ada.id, { name: 'grace hopper' });
    await seedContact(people.ada.id, { name: 'Gmail Person', email: 'x@gmail.com' });
    await seedContact(people.bob.id, { name: 'Grace Hopper' });

    const candidates = await mergeCandidates(people.ada.id, { id: grace, name: 'Grace Hopper', email: 'grace@navy.example' });
    expect(candidates.map((c) => c.name)).toEqual(['grace hopper', 'Admiral', 'G. Hopper', 'Aaron Adams', 'Gmail Person']);
    expect(candidates[0]).toMatchObject({ sameName: true, sameDomain: false });
    expect(candidates[1]).toMatchObject({ sameName: false, sameDomain: true });
    expect(candidates[2]).toMatchObject({ sharedWord: true });

    const filtered = await mergeCandidates(people.ada.id, { id: grace, name: 'Grace Hopper', email: null }, { q: 'adams' });
    expect(filtered.map((c) => c.name)).toEqual(['Aaron Adams']);
  });

  it('does not count a shared personal mail domain as a sign of a duplicate', async () => {
    const me = await seedContact(people.ada.id, { name: 'Zed', email: 'zed@gmail.com' });
    await seedContact(people.ada.id, { name: 'Yan', email: 'yan@gmail.com' });
    const [candidate] = await mergeCandidates(people.ada.id, { id: me, name: 'Zed', email: 'zed@gmail.com' });
    expect(candidate).toMatchObject({ name: 'Yan', sameDomain: false });
  });
});
