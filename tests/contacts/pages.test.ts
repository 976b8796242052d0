import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { recordActivity } from '@/db/queries/activity';
import { contactActivity, contactApplications, contactInterviews } from '@/db/queries/contact-page';
import { deleteContactAction } from '@/app/(app)/contacts/actions';
import ContactsPage from '@/app/(app)/contacts/page';
import ContactPage from '@/app/(app)/contacts/[id]/page';
import EditContactPage from '@/app/(app)/contacts/[id]/edit/page';
import ChooseDuplicatePage from '@/app/(app)/contacts/[id]/merge/page';
import ConfirmMergePage from '@/app/(app)/contacts/[id]/merge/[duplicateId]/page';
import { getContactDetails } from '@/db/queries/contacts';
import { applicationContacts, applications, interviewAttendees, interviews } from '@/db/schema';
import { setupTestDatabase } from '../support/database';
import { form, seedApplication, seedContact, seedInterview, seedLink, thrownDigest, twoPeople } from './support/seed';

vi.mock('@/lib/auth/user', () => import('./support/session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

setupTestDatabase();

const people = twoPeople();

const html = async (page: Promise<ReactElement>) => renderToStaticMarkup(await page);
const props = <P extends Record<string, string>>(params: P, search: Record<string, string> = {}) => ({
  params: Promise.resolve(params),
  searchParams: Promise.resolve(search),
});
const NOT_FOUND = 'NEXT_HTTP_ERROR_FALLBACK;404';

describe('the contact page', () => {
  it('gathers every application, interview and event with the contact, across companies', async () => {
    const grace = await seedContact(people.ada.id, { name: 'Grace Hopper', email: 'grace@navy.example', company: 'Navy' });
    const navy = await seedApplication(people.ada.id, 'Navy', 'Programmer');
    const univac = await seedApplication(people.ada.id, 'Univac', 'Engineer');
    await seedLink(people.ada.id, navy, grace, { role: 'hiring_manager', isPrimary: true });
    await seedLink(people.ada.id, univac, grace, { role: 'recruiter' });
    const older = await seedInterview(people.ada.id, navy, [grace], { scheduledAt: new Date('2026-01-10T15:00:00Z'), kind: 'phone_screen' });
    const newer = await seedInterview(people.ada.id, univac, [grace], { scheduledAt: new Date('2026-02-10T15:00:00Z'), kind: 'final' });
    await recordActivity(db, people.ada.id, { kind: 'contact_linked', contactId: grace, applicationId: univac, occurredAt: new Date(Date.now() + 60_000) });

    const apps = await contactApplications(people.ada.id, grace);
    expect(apps.map((a) => [a.company, a.position, a.role, a.isPrimary, a.stage]).sort()).toEqual([
      ['Navy', 'Programmer', 'hiring_manager', true, 'wishlist'],
      ['Univac', 'Engineer', 'recruiter', false, 'wishlist'],
    ]);
    expect((await contactInterviews(people.ada.id, grace)).map((i) => [i.id, i.company, i.kind])).toEqual([
      [newer, 'Univac', 'final'],
      [older, 'Navy', 'phone_screen'],
    ]);
    expect((await contactActivity(people.ada.id, grace)).map((e) => [e.kind, e.company])).toEqual([
      ['contact_linked', 'Univac'],
      ['contact_added', null],
    ]);

    const page = await html(ContactPage(props({ id: grace })));
    expect(page).toContain('Grace Hopper');
    expect(page).toContain('grace@navy.example');
    expect(page).toContain(`href="/applications/${navy}"`);
    expect(page).toContain('Primary contact');
    expect(page).toContain('Hiring manager');
    expect(page).toContain('Final round');
    expect(page).toContain('Linked to Univac — Engineer');
    expect(page).toContain('No letters yet');
  });

  it('is a 404 for a missing, malformed or another person’s contact, on every contact route', async () => {
    const bobs = await seedContact(people.bob.id, { name: 'Bob’s Contact' });
    const mine = await seedContact(people.ada.id, { name: 'Mine' });
    for (const id of [bobs, crypto.randomUUID(), 'not-a-uuid', "1'; drop table contacts;--"]) {
      expect(await thrownDigest(ContactPage(props({ id })))).toBe(NOT_FOUND);
      expect(await thrownDigest(EditContactPage(props({ id })))).toBe(NOT_FOUND);
      expect(await thrownDigest(ChooseDuplicatePage(props({ id })))).toBe(NOT_FOUND);
      expect(await thrownDigest(ConfirmMergePage(props({ id: mine, duplicateId: id })))).toBe(NOT_FOUND);
      expect(await thrownDigest(ConfirmMergePage(props({ id, duplicateId: mine })))).toBe(NOT_FOUND);
    }
    expect(await thrownDigest(ConfirmMergePage(props({ id: mine, duplicateId: mine })))).toBe(NOT_FOUND);
  });

  it('renders the edit form with the stored values', async () => {
    const grace = await seedContact(people.ada.id, { name: 'Grace Hopper', company: 'Navy', phone: '555-0100' });
    const page = await html(EditContactPage(props({ id: grace })));
    expect(page).toContain('value="Grace Hopper"');
    expect(page).toContain('value="Navy"');
    expect(page).toContain('value="555-0100"');
    expect(page).toContain(`value="${grace}"`);
  });
});

describe('the contacts list page', () => {
  it('explains where contacts come from when there are none, and offers to add one', async () => {
    await seedContact(people.bob.id, { name: 'Not Ada’s' });
    const page = await html(ContactsPage(props({})));
    expect(page).toContain('No contacts yet');
    expect(page).toContain('When you log an interview');
    expect(page).toContain('href="/contacts/new"');
    expect(page).not.toContain('Not Ada’s');
  });

  it('lists, searches and survives a nonsense page number', async () => {
    await seedContact(people.ada.id, { name: 'Grace Hopper', company: 'Navy' });
    await seedContact(people.ada.id, { name: 'Alan Kay' });
    const all = await html(ContactsPage(props({}, { page: '-1e99' })));
    expect(all).toContain('1–2 of 2 contacts');
    expect(all.indexOf('Alan Kay')).toBeLessThan(all.indexOf('Grace Hopper'));
    const searched = await html(ContactsPage(props({}, { q: 'navy' })));
    expect(searched).toContain('Grace Hopper');
    expect(searched).not.toContain('Alan Kay');
    expect(await html(ContactsPage(props({}, { q: 'nobody' })))).toContain('No contacts match “nobody”');
  });
});

describe('the merge pages', () => {
  it('offers likely duplicates and shows what a merge will move', async () => {
    const grace = await seedContact(people.ada.id, { name: 'Grace Hopper' });
    const dup = await seedContact(people.ada.id, { name: 'grace hopper', email: 'gh@navy.example' });
    const app = await seedApplication(people.ada.id, 'Navy', 'Programmer');
    await seedLink(people.ada.id, app, dup, { isPrimary: true });
    const chooser = await html(ChooseDuplicatePage(props({ id: grace })));
    expect(chooser).toContain('Same name');
    expect(chooser).toContain(`href="/contacts/${grace}/merge/${dup}"`);
    const confirm = await html(ConfirmMergePage(props({ id: grace, duplicateId: dup })));
    expect(confirm).toContain('Navy — Programmer: Interviewer, primary contact');
    expect(confirm).toContain('Grace Hopper gains: email.');
    expect(confirm).toContain(`href="/contacts/${dup}/merge/${grace}"`);
  });
});

describe('deleting a contact', () => {
  it('deletes the contact with its links and attendance; the applications and interviews stay', async () => {
    const grace = await seedContact(people.ada.id, { name: 'Grace Hopper' });
    const app = await seedApplication(people.ada.id);
    await seedLink(people.ada.id, app, grace, { isPrimary: true });
    const interview = await seedInterview(people.ada.id, app, [grace]);
    expect(await thrownDigest(deleteContactAction({ ok: false }, form({ id: grace })))).toContain(';/contacts;');
    expect(await getContactDetails(people.ada.id, grace)).toBeNull();
    expect(await db.select().from(applicationContacts)).toEqual([]);
    expect(await db.select().from(interviewAttendees)).toEqual([]);
    expect((await db.select().from(applications)).map((a) => a.id)).toEqual([app]);
    expect((await db.select().from(interviews)).map((i) => i.id)).toEqual([interview]);
  });

  it('refuses another person’s contact, or a malformed id, and deletes nothing', async () => {
    const bobs = await seedContact(people.bob.id, { name: 'Bob’s Contact' });
    const state = await deleteContactAction({ ok: false }, form({ id: bobs }));
    expect(state).toMatchObject({ ok: false, message: expect.stringMatching(/could not be found/) });
    expect(await getContactDetails(people.bob.id, bobs)).not.toBeNull();
    const malformed = await deleteContactAction({ ok: false }, form({ id: 'x' }));
    expect(malformed.fieldErrors?.id).toEqual(['That item could not be found.']);
    expect(await getContactDetails(people.bob.id, bobs)).not.toBeNull();
  });
});
