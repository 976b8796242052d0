import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { applicationTimeline } from '@/db/queries/activity';
import { contactsNotOnApplication } from '@/db/queries/application-contacts';
import { contacts } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { form, links, seedAdaAndMallory, seedApplication, seedContact, seedLink, snapshot, thrownDigest } from '../interviews/support';
import { setupTestDatabase } from '../support/database';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({ getUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const actions = await import('@/app/(app)/applications/[id]/contacts/actions');
const { GET: searchPeople } = await import('@/app/(app)/applications/[id]/interviews/people/route');

setupTestDatabase();

const LINK_NOT_FOUND = 'That contact is no longer on this application. Reload the page to see who is.';
let ada: SessionUser;
let mallory: SessionUser;
let applicationId: string;
let grace: string;
let alan: string;

beforeEach(async () => {
  ({ ada, mallory } = await seedAdaAndMallory());
  session.user = ada;
  applicationId = await seedApplication(ada.id);
  grace = await seedContact(ada.id, 'Grace Hopper', 'grace@navy.example');
  alan = await seedContact(ada.id, 'Alan Turing', 'alan@bletchley.example');
  await seedLink(ada.id, applicationId, grace, 'recruiter', true);
  await seedLink(ada.id, applicationId, alan, 'interviewer');
});

describe('changing a link', () => {
  it('changes a role and moves the primary to another contact', async () => {
    expect(await actions.changeContactRole({ ok: false }, form({ applicationId, contactId: alan, role: 'hiring_manager' }))).toMatchObject({
      ok: true,
      message: 'Role saved: Hiring manager.',
    });
    expect(await actions.makePrimaryContact({ ok: false }, form({ applicationId, contactId: alan }))).toMatchObject({ ok: true });

    expect(await links(ada.id, applicationId)).toEqual(
      expect.arrayContaining([
        { contactId: grace, role: 'recruiter', isPrimary: false },
        { contactId: alan, role: 'hiring_manager', isPrimary: true },
      ]),
    );
  });

  it('takes a contact off the application, keeps the contact, and says so on the timeline', async () => {
    const result = await actions.removeContactLink({ ok: false }, form({ applicationId, contactId: grace }));

    expect(result).toMatchObject({ ok: true });
    expect((await links(ada.id, applicationId)).map((l) => l.contactId)).toEqual([alan]);
    expect(await db.select().from(contacts).where(eq(contacts.id, grace))).toHaveLength(1);
    expect((await applicationTimeline(ada.id, applicationId))[0]).toMatchObject({
      kind: 'contact_unlinked',
      contactId: grace,
      detail: { name: 'Grace Hopper', role: 'recruiter' },
    });
  });

  it('refuses a link that does not exist rather than creating it', async () => {
    const carol = await seedContact(ada.id, 'Carol Shaw', 'carol@example.com');
    const before = await snapshot(ada.id);

    expect(await actions.makePrimaryContact({ ok: false }, form({ applicationId, contactId: carol }))).toMatchObject({
      ok: false,
      message: LINK_NOT_FOUND,
    });
    expect(await snapshot(ada.id)).toEqual(before);
  });

  it('refuses every change on another person’s application, and changes nothing', async () => {
    const before = await snapshot(ada.id);
    session.user = mallory;

    const results = await Promise.all([
      actions.changeContactRole({ ok: false }, form({ applicationId, contactId: alan, role: 'referrer' })),
      actions.makePrimaryContact({ ok: false }, form({ applicationId, contactId: alan })),
      actions.removeContactLink({ ok: false }, form({ applicationId, contactId: grace })),
      actions.addExistingContact({ ok: false }, form({ applicationId, contactId: grace, role: 'interviewer' })),
      actions.addNewContact({ ok: false }, form({ applicationId, name: 'Eve', email: 'eve@example.com', role: 'interviewer' })),
    ]);

    for (const result of results) expect(result.ok).toBe(false);
    expect(results[0].message).toBe(LINK_NOT_FOUND);
    expect(results[3].message).toMatch(/could not be found/);
    expect(await snapshot(ada.id)).toEqual(before);
  });
});

describe('adding a contact to the application', () => {
  it('adds an existing contact with a role, as the new primary', async () => {
    const carol = await seedContact(ada.id, 'Carol Shaw', 'carol@example.com');

    const digest = await thrownDigest(
      actions.addExistingContact({ ok: false }, form({ applicationId, contactId: carol, role: 'referrer', primary: 'on' })),
    );

    expect(digest).toContain(`/applications/${applicationId}#contacts`);
    expect((await links(ada.id, applicationId)).filter((l) => l.isPrimary)).toEqual([{ contactId: carol, role: 'referrer', isPrimary: true }]);
    expect((await applicationTimeline(ada.id, applicationId))[0]).toMatchObject({ kind: 'contact_linked', contactId: carol });
  });

  it('creates a new person, or reuses the contact with that email in any case', async () => {
    await thrownDigest(actions.addNewContact({ ok: false }, form({ applicationId, name: 'Carol Shaw', email: 'Carol@Example.com', role: 'recruiter' })));
    const duplicate = await actions.addNewContact({ ok: false }, form({ applicationId, name: 'C. Shaw', email: 'CAROL@example.COM', role: 'recruiter' }));

    const carols = await db.select().from(contacts).where(eq(contacts.email, 'carol@example.com'));
    expect(carols).toHaveLength(1);
    expect(carols[0].name).toBe('Carol Shaw');
    expect(duplicate).toMatchObject({ ok: false, message: 'Carol Shaw is already on this application.' });
  });

  it('shows bad input next to its field and keeps what was typed', async () => {
    const typed = { applicationId, name: 'N'.repeat(300), email: 'carol-at-example', role: 'boss' };

    const result = await actions.addNewContact({ ok: false }, form(typed));

    expect(result.fieldErrors).toMatchObject({
      name: ['Name can be at most 200 characters.'],
      email: ['Enter an address like name@example.com.'],
      role: ['Choose a role from the list.'],
    });
    expect(result.values).toEqual(typed);
    const missing = await actions.addExistingContact({ ok: false }, form({ applicationId, role: 'interviewer' }));
    expect(missing.fieldErrors?.contactId).toEqual(['Choose a contact from the list.']);
  });

  it('refuses someone else’s contact', async () => {
    const eve = await seedContact(mallory.id, 'Eve', 'eve@example.com');
    const before = await snapshot(ada.id);

    const result = await actions.addExistingContact({ ok: false }, form({ applicationId, contactId: eve, role: 'interviewer' }));

    expect(result).toMatchObject({ ok: false, message: 'That application or contact could not be found. It may have been deleted.' });
    expect(await snapshot(ada.id)).toEqual(before);
  });
});

describe('finding contacts not yet on the application', () => {
  const search = (id: string, q: string) =>
    searchPeople(new NextRequest(`http://localhost/applications/${id}/interviews/people?q=${encodeURIComponent(q)}`), {
      params: Promise.resolve({ id }),
    });

  it('matches name or email, leaves out people already on it, and takes % and _ literally', async () => {
    const carol = await seedContact(ada.id, 'Carol Shaw', 'carol@example.com');
    await seedContact(ada.id, 'Dana 100%', 'dana@example.com');
    await seedContact(mallory.id, 'Carol Mallory', 'carol@mallory.example');

    expect((await contactsNotOnApplication(ada.id, applicationId, 'CAROL')).map((c) => c.id)).toEqual([carol]);
    expect((await contactsNotOnApplication(ada.id, applicationId, 'example.com')).map((c) => c.name)).toEqual(['Carol Shaw', 'Dana 100%']);
    expect((await contactsNotOnApplication(ada.id, applicationId, '%')).map((c) => c.name)).toEqual(['Dana 100%']);
    expect((await contactsNotOnApplication(ada.id, applicationId, 'grace'))).toEqual([]);
  });

  it('answers the picker as JSON: 400 for a huge query, 401 signed out, 404 for another person’s application', async () => {
    await seedContact(ada.id, 'Carol Shaw', 'carol@example.com');

    const ok = await search(applicationId, 'car');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ contacts: [{ id: expect.any(String), name: 'Carol Shaw', email: 'carol@example.com' }] });
    expect((await search(applicationId, 'x'.repeat(101))).status).toBe(400);
    expect((await search('not-a-uuid', 'car')).status).toBe(404);
    session.user = mallory;
    expect((await search(applicationId, 'car')).status).toBe(404);
    session.user = null;
    expect((await search(applicationId, 'car')).status).toBe(401);
  });
});
