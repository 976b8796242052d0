import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { createContactAction, updateContactAction } from '@/app/(app)/contacts/actions';
import { db } from '@/db';
import { getContactDetails } from '@/db/queries/contacts';
import { activities, companies, contacts } from '@/db/schema';
import { createContact } from '@/server/contacts/save-contact';
import { setupTestDatabase } from '../support/database';
import { form, seedContact, thrownDigest, twoPeople } from './support/seed';
import { signInAs } from './support/session';

vi.mock('@/lib/auth/user', () => import('./support/session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const database = setupTestDatabase();

const people = twoPeople();

const blank = { name: '', email: '', title: '', company: '', phone: '', linkedinUrl: '', notes: '' };
const allContacts = () => db.select().from(contacts).orderBy(contacts.name);

describe('adding a contact', () => {
  it('saves every field, finds or creates the company, records the event and opens the contact', async () => {
    const digest = await thrownDigest(
      createContactAction(
        { ok: false },
        form({
          ...blank,
          name: '  Grace Hopper ',
          email: 'Grace@Navy.example',
          title: 'Rear Admiral',
          company: 'US Navy',
          phone: '+1 555 0100',
          linkedinUrl: 'https://www.linkedin.com/in/grace',
          notes: 'Met at the\nCOBOL meetup.',
          userId: people.bob.id,
        }),
      ),
    );
    const [grace] = await allContacts();
    expect(digest).toContain(`;/contacts/${grace.id};`);
    expect(grace).toMatchObject({
      userId: people.ada.id,
      name: 'Grace Hopper',
      email: 'grace@navy.example',
      title: 'Rear Admiral',
      phone: '+1 555 0100',
      linkedinUrl: 'https://www.linkedin.com/in/grace',
      notes: 'Met at the\nCOBOL meetup.',
    });
    expect((await getContactDetails(people.ada.id, grace.id))?.company).toBe('US Navy');
    const events = await db.select().from(activities).where(eq(activities.contactId, grace.id));
    expect(events.map((e) => e.kind)).toEqual(['contact_added']);

    // A second contact at the same company (any case) shares its record.
    await thrownDigest(createContactAction({ ok: false }, form({ ...blank, name: 'Another Sailor', company: 'us navy' })));
    expect(await db.select().from(companies).where(eq(companies.userId, people.ada.id))).toHaveLength(1);
  });

  it('refuses a duplicate email, in any case, naming who has it, and keeps what was typed', async () => {
    await seedContact(people.ada.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
    const state = await createContactAction(
      { ok: false },
      form({ ...blank, name: 'Amazing Grace', email: 'GRACE@navy.EXAMPLE', title: 'Admiral' }),
    );
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.email).toEqual(['Grace Hopper already has this email address in your contacts.']);
    expect(state.values).toMatchObject({ name: 'Amazing Grace', email: 'GRACE@navy.EXAMPLE', title: 'Admiral' });
    expect(await allContacts()).toHaveLength(1);
  });

  it('lets another person use the same email for their own contact', async () => {
    await seedContact(people.bob.id, { name: 'Bob’s Grace', email: 'grace@navy.example' });
    await thrownDigest(createContactAction({ ok: false }, form({ ...blank, name: 'Grace', email: 'grace@navy.example' })));
    expect(await allContacts()).toHaveLength(2);
  });

  it('turns the unique index’s refusal into the same field error when two saves race', async () => {
    // Slows every insert so both saves pass the friendly look-up before either commits.
    await db.execute(sql.raw(`create function slow_insert() returns trigger language plpgsql as $$
      begin perform pg_sleep(0.2); return new; end $$`));
    await db.execute(sql.raw('create trigger slow_contacts before insert on contacts for each row execute function slow_insert()'));
    try {
      const fields = { name: 'Racer', email: 'race@example.com', title: null, company: null, phone: null, linkedinUrl: null, notes: null };
      const results = await Promise.all([createContact(people.ada.id, fields), createContact(people.ada.id, { ...fields, name: 'Racer Two' })]);
      expect(results.map((r) => r.status).sort()).toEqual(['duplicate_email', 'saved']);
      expect(await allContacts()).toHaveLength(1);
    } finally {
      await db.execute(sql.raw('drop trigger slow_contacts on contacts'));
      await db.execute(sql.raw('drop function slow_insert()'));
    }
    expect(database.kind).toBe(process.env.TEST_DATABASE);
  });

  it.each([
    ['an empty name', { name: '' }, 'name', /Enter name/],
    ['a 10,000-character name', { name: 'x'.repeat(10_000) }, 'name', /at most 200/],
    ['an email without @', { name: 'Grace', email: 'grace.navy.example' }, 'email', /like name@example.com/],
    ['two emails', { name: 'Grace', email: 'a@b.c, d@e.f' }, 'email', /one address/],
    ['a javascript: LinkedIn URL', { name: 'Grace', linkedinUrl: 'javascript:alert(1)' }, 'linkedinUrl', /http:\/\/ or https:\/\//],
    ['a LinkedIn URL without scheme', { name: 'Grace', linkedinUrl: 'linkedin.com/in/grace' }, 'linkedinUrl', /http:\/\/ or https:\/\//],
    ['a 10,000-character company', { name: 'Grace', company: 'x'.repeat(10_000) }, 'company', /at most 200/],
    ['a title on two lines', { name: 'Grace', title: 'Two\nlines' }, 'title', /one line/],
  ] as const)('refuses %s with an error on its field and saves nothing', async (_label, values, field, message) => {
    const state = await createContactAction({ ok: false }, form({ ...blank, ...values }));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.[field]?.join(' ')).toMatch(message);
    expect(state.values).toMatchObject(values);
    expect(await allContacts()).toHaveLength(0);
  });

  it('refuses a signed-out visitor', async () => {
    signInAs(null);
    const state = await createContactAction({ ok: false }, form({ ...blank, name: 'Grace' }));
    expect(state).toMatchObject({ ok: false, message: expect.stringMatching(/session has ended/) });
    expect(await allContacts()).toHaveLength(0);
  });
});

describe('editing a contact', () => {
  it('saves the fields, clears emptied ones and opens the contact', async () => {
    const grace = await seedContact(people.ada.id, { name: 'Grace', email: 'grace@navy.example', phone: '555', company: 'Navy' });
    const digest = await thrownDigest(
      updateContactAction({ ok: false }, form({ ...blank, id: grace, name: 'Grace Hopper', email: 'GRACE@navy.example', title: 'Admiral' })),
    );
    expect(digest).toContain(`;/contacts/${grace};`);
    expect(await getContactDetails(people.ada.id, grace)).toMatchObject({
      name: 'Grace Hopper',
      email: 'grace@navy.example',
      title: 'Admiral',
      phone: null,
      company: null,
    });
  });

  it('refuses another contact’s email as a field error', async () => {
    await seedContact(people.ada.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
    const other = await seedContact(people.ada.id, { name: 'Other', email: 'other@example.com' });
    const state = await updateContactAction({ ok: false }, form({ ...blank, id: other, name: 'Other', email: 'Grace@Navy.Example' }));
    expect(state.fieldErrors?.email).toEqual(['Grace Hopper already has this email address in your contacts.']);
    expect((await getContactDetails(people.ada.id, other))?.email).toBe('other@example.com');
  });

  it('treats another person’s contact, or a malformed id, as missing and changes nothing', async () => {
    const bobs = await seedContact(people.bob.id, { name: 'Bob’s Contact', email: 'b@example.com' });
    const state = await updateContactAction({ ok: false }, form({ ...blank, id: bobs, name: 'Hijacked', company: 'Evil' }));
    expect(state).toMatchObject({ ok: false, message: expect.stringMatching(/could not be found/) });
    expect((await getContactDetails(people.bob.id, bobs))?.name).toBe('Bob’s Contact');
    expect(await db.select().from(companies).where(and(eq(companies.userId, people.ada.id)))).toHaveLength(0);

    const malformed = await updateContactAction({ ok: false }, form({ ...blank, id: 'not-a-uuid', name: 'X' }));
    expect(malformed.ok).toBe(false);
    expect(malformed.fieldErrors?.id).toEqual(['That item could not be found.']);
  });
});
