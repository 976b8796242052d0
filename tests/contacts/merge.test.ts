import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { mergeContactsAction } from '@/app/(app)/contacts/actions';
import { db } from '@/db';
import { getContactDetails } from '@/db/queries/contacts';
import { activities, applicationContacts, contacts, interviewAttendees } from '@/db/schema';
import { mergedLink } from '@/lib/contacts/merge-rules';
import { planMerge } from '@/server/contacts/merge-contacts';
import { setupTestDatabase } from '../support/database';
import { form, seedApplication, seedContact, seedInterview, seedLink, thrownDigest, twoPeople } from './support/seed';

vi.mock('@/lib/auth/user', () => import('./support/session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

setupTestDatabase();

const people = twoPeople();

const linksOf = (contactId: string) =>
  db
    .select({ applicationId: applicationContacts.applicationId, role: applicationContacts.role, isPrimary: applicationContacts.isPrimary })
    .from(applicationContacts)
    .where(eq(applicationContacts.contactId, contactId))
    .orderBy(applicationContacts.applicationId);
const attendanceOf = async (contactId: string) =>
  (await db.select().from(interviewAttendees).where(eq(interviewAttendees.contactId, contactId))).map((a) => a.interviewId).sort();
const eventsOf = async (contactId: string) =>
  (await db.select().from(activities).where(eq(activities.contactId, contactId))).map((a) => a.kind).sort();

/** Grace (survivor) and "G. Hopper" (duplicate), sharing one application and one interview. */
async function seedDuplicates() {
  const grace = await seedContact(people.ada.id, { name: 'Grace Hopper', email: 'grace@navy.example', phone: '555-0100', notes: 'Likes COBOL.' });
  const dup = await seedContact(people.ada.id, {
    name: 'G. Hopper',
    email: 'hopper@old.example',
    title: 'Rear Admiral',
    company: 'US Navy',
    linkedinUrl: 'https://linkedin.com/in/ghopper',
    notes: 'Met at the conference.',
  });
  const shared = await seedApplication(people.ada.id, 'Navy', 'Programmer');
  const onlyDup = await seedApplication(people.ada.id, 'Univac', 'Engineer');
  const onlyGrace = await seedApplication(people.ada.id, 'Harvard', 'Research Fellow');
  const other = await seedContact(people.ada.id, { name: 'Someone Else' });
  await seedLink(people.ada.id, shared, grace, { role: 'interviewer' });
  await seedLink(people.ada.id, shared, dup, { role: 'hiring_manager', isPrimary: true });
  await seedLink(people.ada.id, onlyDup, dup, { role: 'recruiter' });
  await seedLink(people.ada.id, onlyDup, other, { isPrimary: true });
  await seedLink(people.ada.id, onlyGrace, grace, { isPrimary: true });
  const bothMet = await seedInterview(people.ada.id, shared, [grace, dup]);
  const dupMet = await seedInterview(people.ada.id, onlyDup, [dup, other]);
  return { grace, dup, other, shared, onlyDup, onlyGrace, bothMet, dupMet };
}

describe('merging two contacts', () => {
  it('moves every link to the survivor, deduped, with the primary kept, and deletes the duplicate', async () => {
    const s = await seedDuplicates();
    const digest = await thrownDigest(mergeContactsAction({ ok: false }, form({ survivorId: s.grace, duplicateId: s.dup })));
    expect(digest).toContain(`;/contacts/${s.grace}?merged=1;`);

    expect(await getContactDetails(people.ada.id, s.dup)).toBeNull();
    expect(await linksOf(s.grace)).toEqual(
      [
        { applicationId: s.shared, role: 'hiring_manager', isPrimary: true },
        { applicationId: s.onlyDup, role: 'recruiter', isPrimary: false },
        { applicationId: s.onlyGrace, role: 'interviewer', isPrimary: true },
      ].sort((a, b) => a.applicationId.localeCompare(b.applicationId)),
    );
    // Still exactly one primary on each application.
    const primaries = await db.execute<{ application_id: string; n: number }>(
      sql`select application_id, count(*)::int as n from application_contacts where is_primary group by application_id`,
    );
    const rows = Array.isArray(primaries) ? primaries : (primaries as unknown as { rows: { n: number }[] }).rows;
    expect(rows.map((r) => r.n)).toEqual([1, 1, 1]);
    expect(await linksOf(s.other)).toEqual([{ applicationId: s.onlyDup, role: 'interviewer', isPrimary: true }]);

    expect(await attendanceOf(s.grace)).toEqual([s.bothMet, s.dupMet].sort());
    expect(await attendanceOf(s.other)).toEqual([s.dupMet]);
    expect(await eventsOf(s.grace)).toEqual(['contact_added', 'contact_added', 'contacts_merged']);
    const [merged] = await db.select().from(activities).where(eq(activities.kind, 'contacts_merged'));
    expect(merged.detail).toMatchObject({ mergedName: 'G. Hopper', mergedEmail: 'hopper@old.example', applications: 2, interviews: 2 });
  });

  it('fills the survivor’s empty fields and keeps differing ones in the notes', async () => {
    const s = await seedDuplicates();
    await thrownDigest(mergeContactsAction({ ok: false }, form({ survivorId: s.grace, duplicateId: s.dup })));
    expect(await getContactDetails(people.ada.id, s.grace)).toMatchObject({
      name: 'Grace Hopper',
      email: 'grace@navy.example',
      phone: '555-0100',
      title: 'Rear Admiral',
      company: 'US Navy',
      linkedinUrl: 'https://linkedin.com/in/ghopper',
      notes: 'Likes COBOL.\n\nMet at the conference.\n\nAlso recorded for G. Hopper: email hopper@old.example.',
    });
  });

  it('takes the duplicate’s email when the survivor has none, though emails are unique', async () => {
    const survivor = await seedContact(people.ada.id, { name: 'Grace' });
    const dup = await seedContact(people.ada.id, { name: 'Grace H', email: 'grace@navy.example' });
    await thrownDigest(mergeContactsAction({ ok: false }, form({ survivorId: survivor, duplicateId: dup })));
    expect((await getContactDetails(people.ada.id, survivor))?.email).toBe('grace@navy.example');
  });

  it('shows on the confirm page exactly what will move', async () => {
    const s = await seedDuplicates();
    const plan = await planMerge(people.ada.id, s.grace, s.dup);
    const byCompany = [...(plan?.applicationLinks ?? [])].sort((a, b) => a.company.localeCompare(b.company));
    expect(byCompany.map((l) => [l.company, l.survivorLink !== null, l.result])).toEqual([
      ['Navy', true, { role: 'hiring_manager', isPrimary: true }],
      ['Univac', false, { role: 'recruiter', isPrimary: false }],
    ]);
    expect(plan?.interviews.map((i) => i.shared).sort()).toEqual([false, true]);
    expect(plan?.events).toBe(1);
    expect(plan?.fields).toMatchObject({ filled: ['title', 'LinkedIn', 'company'], kept: ['email hopper@old.example'], notesAppended: true });
  });

  it('keeps the more specific role, and the primary from either side', () => {
    expect(mergedLink(null, { role: 'recruiter', isPrimary: true })).toEqual({ role: 'recruiter', isPrimary: true });
    expect(mergedLink({ role: 'interviewer', isPrimary: false }, { role: 'referrer', isPrimary: false })).toEqual({
      role: 'referrer',
      isPrimary: false,
    });
    expect(mergedLink({ role: 'recruiter', isPrimary: true }, { role: 'hiring_manager', isPrimary: false })).toEqual({
      role: 'recruiter',
      isPrimary: true,
    });
    expect(mergedLink({ role: 'hiring_manager', isPrimary: false }, { role: 'interviewer', isPrimary: true })).toEqual({
      role: 'hiring_manager',
      isPrimary: true,
    });
  });

  it('happens in one transaction: a failure at the last step leaves both contacts as they were', async () => {
    const s = await seedDuplicates();
    const before = {
      grace: await getContactDetails(people.ada.id, s.grace),
      dup: await getContactDetails(people.ada.id, s.dup),
      links: [await linksOf(s.grace), await linksOf(s.dup)],
      attendance: [await attendanceOf(s.grace), await attendanceOf(s.dup)],
      events: [await eventsOf(s.grace), await eventsOf(s.dup)],
    };
    await db.execute(sql.raw(`create function refuse_merge() returns trigger language plpgsql as $$
      begin raise exception 'forced failure'; end $$`));
    await db.execute(
      sql.raw(`create trigger refuse_merge before insert on activities for each row
        when (new.kind = 'contacts_merged') execute function refuse_merge()`),
    );
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const state = await mergeContactsAction({ ok: false }, form({ survivorId: s.grace, duplicateId: s.dup }));
      expect(state).toMatchObject({ ok: false, message: expect.stringMatching(/nothing was saved/) });
      expect(log).toHaveBeenCalledWith(expect.stringContaining('[mergeContacts] unexpected error:'));
    } finally {
      log.mockRestore();
      await db.execute(sql.raw('drop trigger refuse_merge on activities'));
      await db.execute(sql.raw('drop function refuse_merge()'));
    }
    expect({
      grace: await getContactDetails(people.ada.id, s.grace),
      dup: await getContactDetails(people.ada.id, s.dup),
      links: [await linksOf(s.grace), await linksOf(s.dup)],
      attendance: [await attendanceOf(s.grace), await attendanceOf(s.dup)],
      events: [await eventsOf(s.grace), await eventsOf(s.dup)],
    }).toEqual(before);
  });
});

describe('refusing a merge', () => {
  it('refuses merging a contact with itself', async () => {
    const grace = await seedContact(people.ada.id, { name: 'Grace' });
    const state = await mergeContactsAction({ ok: false }, form({ survivorId: grace, duplicateId: grace }));
    expect(state).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be merged with themselves/) });
    expect(await getContactDetails(people.ada.id, grace)).not.toBeNull();
  });

  it('refuses when either contact is another person’s, and changes nothing', async () => {
    const mine = await seedContact(people.ada.id, { name: 'Grace' });
    const theirs = await seedContact(people.bob.id, { name: 'Bob’s Grace', email: 'grace@navy.example' });
    const app = await seedApplication(people.bob.id);
    await seedLink(people.bob.id, app, theirs, { isPrimary: true });

    for (const [survivorId, duplicateId] of [
      [mine, theirs],
      [theirs, mine],
    ]) {
      const state = await mergeContactsAction({ ok: false }, form({ survivorId, duplicateId }));
      expect(state).toMatchObject({ ok: false, message: expect.stringMatching(/could not be found/) });
    }
    expect(await getContactDetails(people.bob.id, theirs)).toMatchObject({ name: 'Bob’s Grace', email: 'grace@navy.example' });
    expect(await getContactDetails(people.ada.id, mine)).toMatchObject({ name: 'Grace', email: null });
    expect(await linksOf(theirs)).toHaveLength(1);
    expect(await planMerge(people.ada.id, mine, theirs)).toBeNull();
  });

  it('treats a malformed id as missing', async () => {
    const mine = await seedContact(people.ada.id, { name: 'Grace' });
    const state = await mergeContactsAction({ ok: false }, form({ survivorId: mine, duplicateId: "1' or 1=1" }));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.duplicateId).toEqual(['That item could not be found.']);
    expect(await db.select().from(contacts).where(and(eq(contacts.userId, people.ada.id)))).toHaveLength(1);
  });
});
