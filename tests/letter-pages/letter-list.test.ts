import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import {
  getLetter,
  letterListContact,
  LETTERS_PER_PAGE,
  letterTemplateNames,
  lettersToContact,
  listLetters,
} from '@/db/queries/letter-list';
import { setupTestDatabase } from '../support/database';
import { minutesAgo, seedApplication, seedContact, seedEvent, seedLetter, seedUser } from './seed';

setupTestDatabase();

let ada: { id: string };
let bob: { id: string };
beforeEach(async () => {
  ada = await seedUser('ada');
  bob = await seedUser('bob');
});

const subjects = (rows: { subject: string }[]) => rows.map((r) => r.subject);

describe('listLetters', () => {
  it('lists only the person’s own letters, newest first, with the application and every recipient, To first', async () => {
    const acme = await seedApplication(ada.id, 'Acme Rockets', 'Flight Engineer');
    await seedLetter(ada.id, { subject: 'Older', createdAt: minutesAgo(60) });
    await seedLetter(ada.id, {
      subject: 'Newer',
      applicationId: acme,
      createdAt: minutesAgo(5),
      sentAt: minutesAgo(4),
      recipients: [
        { role: 'cc', name: 'Zed Cc', email: 'zed@acme.example' },
        { role: 'to', name: 'Grace Hopper', email: 'grace@acme.example' },
        { role: 'cc', name: null, email: 'anon@acme.example' },
      ],
    });
    await seedLetter(bob.id, { subject: 'Bob’s letter', createdAt: minutesAgo(1) });

    const { rows, total, pages } = await listLetters(ada.id);
    expect(subjects(rows)).toEqual(['Newer', 'Older']);
    expect([total, pages]).toEqual([2, 1]);
    expect(rows[0]).toMatchObject({ company: 'Acme Rockets', position: 'Flight Engineer', applicationId: acme, sentAt: minutesAgo(4) });
    expect(rows[0].recipients[0]).toEqual({ role: 'to', name: 'Grace Hopper', email: 'grace@acme.example' });
    expect(rows[0].recipients.slice(1).map((r) => r.email).sort()).toEqual(['anon@acme.example', 'zed@acme.example']);
    expect(rows[0].recipients.slice(1).every((r) => r.role === 'cc')).toBe(true);
    expect(rows[1]).toMatchObject({ company: null, position: null, sentAt: null });
    expect(rows[1].recipients).toEqual([{ role: 'to', name: 'Grace Hopper', email: 'grace@navy.example' }]);
  });

  it('gives a letter without recipients an empty list, not null', async () => {
    await seedLetter(ada.id, { recipients: [] });
    expect((await listLetters(ada.id)).rows[0].recipients).toEqual([]);
  });

  it('filters by status and by template name, and counts only what matches', async () => {
    await seedLetter(ada.id, { subject: 'Delivered thanks', status: 'delivered', createdAt: minutesAgo(3) });
    await seedLetter(ada.id, { subject: 'Bounced thanks', status: 'bounced', createdAt: minutesAgo(2) });
    await seedLetter(ada.id, {
      subject: 'Delivered rejection',
      status: 'delivered',
      kind: 'rejection_thanks',
      templateName: 'Thank-you after a rejection',
      createdAt: minutesAgo(1),
    });
    await seedLetter(bob.id, { subject: 'Bob delivered', status: 'delivered' });

    const delivered = await listLetters(ada.id, { status: 'delivered' });
    expect(subjects(delivered.rows)).toEqual(['Delivered rejection', 'Delivered thanks']);
    expect(delivered.total).toBe(2);
    expect(subjects((await listLetters(ada.id, { template: 'Thank-you after an interview' })).rows)).toEqual([
      'Bounced thanks',
      'Delivered thanks',
    ]);
    const both = await listLetters(ada.id, { status: 'delivered', template: 'Thank-you after an interview' });
    expect([subjects(both.rows), both.total]).toEqual([['Delivered thanks'], 1]);
    const none = await listLetters(ada.id, { status: 'failed' });
    expect([none.rows, none.total, none.pages]).toEqual([[], 0, 1]);
  });

  it('filters by contact, To or CC, alone or with the other filters, and only among the person’s own letters', async () => {
    const grace = await seedContact(ada.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
    const alan = await seedContact(ada.id, { name: 'Alan Turing', email: 'alan@bletchley.example' });
    const bobsGrace = await seedContact(bob.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
    await seedLetter(ada.id, { subject: 'To Grace', status: 'delivered', createdAt: minutesAgo(30), recipients: [{ email: 'grace@navy.example', contactId: grace }] });
    await seedLetter(ada.id, {
      subject: 'Copy to Grace',
      status: 'bounced',
      createdAt: minutesAgo(20),
      recipients: [
        { email: 'alan@bletchley.example', contactId: alan },
        { role: 'cc', email: 'grace@navy.example', contactId: grace },
      ],
    });
    await seedLetter(ada.id, { subject: 'To Alan only', status: 'bounced', createdAt: minutesAgo(10), recipients: [{ email: 'alan@bletchley.example', contactId: alan }] });
    await seedLetter(bob.id, { subject: 'Bob to his Grace', recipients: [{ email: 'grace@navy.example', contactId: bobsGrace }] });
    // A recipient row of Bob's naming Ada's contact must not put his letter in her list.
    await seedLetter(bob.id, { subject: 'Bob to Ada’s Grace', recipients: [{ email: 'grace@navy.example', contactId: grace }] });

    const toGrace = await listLetters(ada.id, { contact: grace });
    expect([subjects(toGrace.rows), toGrace.total]).toEqual([['Copy to Grace', 'To Grace'], 2]);
    // Every recipient is still listed, not only the contact filtered to.
    expect(toGrace.rows[0].recipients.map((r) => r.email)).toEqual(['alan@bletchley.example', 'grace@navy.example']);
    const bouncedToGrace = await listLetters(ada.id, { contact: grace, status: 'bounced' });
    expect([subjects(bouncedToGrace.rows), bouncedToGrace.total]).toEqual([['Copy to Grace'], 1]);
    expect((await listLetters(ada.id, { contact: grace, template: 'My follow-up' })).total).toBe(0);

    // Another person's contact, a missing one and a malformed id show nothing, and never fail.
    for (const contact of [bobsGrace, '00000000-0000-4000-8000-000000000000', 'not-a-uuid', "'; drop table letters; --"]) {
      const none = await listLetters(ada.id, { contact });
      expect([none.rows, none.total, none.pages], contact).toEqual([[], 0, 1]);
    }
    expect(subjects((await listLetters(bob.id, { contact: bobsGrace })).rows)).toEqual(['Bob to his Grace']);
  });

  it('pages by 25, newest first, never showing a letter twice when several share a moment', async () => {
    const sameMoment = minutesAgo(30);
    for (let i = 0; i < 60; i++) {
      // A one-click send writes its letters in one transaction: they share created_at.
      await seedLetter(ada.id, { subject: `Letter ${i}`, createdAt: i < 40 ? sameMoment : minutesAgo(i) });
    }
    const pageRows = await Promise.all([1, 2, 3].map((page) => listLetters(ada.id, { page })));
    expect(pageRows.map((p) => p.rows.length)).toEqual([LETTERS_PER_PAGE, LETTERS_PER_PAGE, 10]);
    expect(pageRows[0]).toMatchObject({ total: 60, pages: 3, page: 1 });
    const all = pageRows.flatMap((p) => p.rows);
    expect(new Set(all.map((r) => r.id)).size).toBe(60);
    const times = all.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await listLetters(ada.id, { page: 9 })).rows).toEqual([]);
    expect((await listLetters(ada.id, { page: -3 })).page).toBe(1);
  });
});

describe('letterTemplateNames', () => {
  it('names each template on the person’s letters once, alphabetically', async () => {
    await seedLetter(ada.id, { templateName: 'Thank-you after an interview' });
    await seedLetter(ada.id, { templateName: 'Thank-you after an interview' });
    await seedLetter(ada.id, { templateName: 'My follow-up' });
    await seedLetter(bob.id, { templateName: 'Bob’s secret template' });
    await seedLetter(bob.id, { templateName: 'Note between them' });
    await seedLetter(ada.id, { templateName: 'Thank-you after an interview' });
    expect(await letterTemplateNames(ada.id)).toEqual(['My follow-up', 'Thank-you after an interview']);
    expect(await letterTemplateNames((await seedUser('carol')).id)).toEqual([]);
  });
});

describe('getLetter', () => {
  it('returns the letter with its recipients and its events in the order they happened', async () => {
    const acme = await seedApplication(ada.id, 'Acme Rockets', 'Flight Engineer');
    const id = await seedLetter(ada.id, {
      applicationId: acme,
      status: 'clicked',
      html: '<p>Dear Grace, thank you.</p>',
      text: 'Dear Grace, thank you.',
      recipients: [
        { role: 'to', name: 'Grace Hopper', email: 'grace@acme.example' },
        { role: 'cc', name: 'Alan Turing', email: 'alan@acme.example' },
      ],
    });
    await seedEvent(ada.id, id, 'email.clicked', minutesAgo(1), { link: 'https://evil.example/?x=<b>' });
    await seedEvent(ada.id, id, 'email.sent', minutesAgo(10));
    await seedEvent(ada.id, id, 'email.delivered', minutesAgo(9));

    const letter = await getLetter(ada.id, id);
    expect(letter).toMatchObject({ id, company: 'Acme Rockets', position: 'Flight Engineer', status: 'clicked', text: 'Dear Grace, thank you.' });
    expect(letter!.recipients).toEqual([
      { role: 'to', name: 'Grace Hopper', email: 'grace@acme.example' },
      { role: 'cc', name: 'Alan Turing', email: 'alan@acme.example' },
    ]);
    expect(letter!.events.map((e) => e.type)).toEqual(['email.sent', 'email.delivered', 'email.clicked']);
    expect(letter!.events[2].detail).toEqual({ link: 'https://evil.example/?x=<b>' });
  });

  it('treats another person’s letter, a missing id and a malformed id alike: null', async () => {
    const bobs = await seedLetter(bob.id);
    expect(await getLetter(ada.id, bobs)).toBeNull();
    expect(await getLetter(ada.id, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await getLetter(ada.id, 'not-a-uuid')).toBeNull();
    expect(await getLetter(ada.id, "'; drop table letters; --")).toBeNull();
    expect(await getLetter(bob.id, bobs)).not.toBeNull();
  });

  it('shows only the events stored for this person', async () => {
    const id = await seedLetter(ada.id);
    await seedEvent(ada.id, id, 'email.sent', minutesAgo(2));
    // An unmatched event (no person yet) that happens to name the letter is not shown.
    await db.execute(sql`insert into letter_events (svix_id, type, occurred_at, tag_letter_id) values ('msg_loose', 'email.delivered', now(), ${id})`);
    expect((await getLetter(ada.id, id))!.events.map((e) => e.type)).toEqual(['email.sent']);
  });
});

describe('letterListContact', () => {
  it('names the person’s own contact, and nobody for another person’s, a missing or a malformed id', async () => {
    const grace = await seedContact(ada.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
    const bobs = await seedContact(bob.id, { name: 'Bob’s contact', email: 'c@bob.example' });
    expect(await letterListContact(ada.id, grace)).toEqual({ id: grace, name: 'Grace Hopper' });
    for (const id of [bobs, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect(await letterListContact(ada.id, id), id).toBeNull();
    }
  });
});

describe('lettersToContact', () => {
  it('lists the letters a contact was To or CC on, newest first, up to the limit, and only the person’s own', async () => {
    const grace = await seedContact(ada.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
    const other = await seedContact(ada.id, { name: 'Alan Turing', email: 'alan@bletchley.example' });
    await seedLetter(ada.id, { subject: 'To Grace', createdAt: minutesAgo(30), recipients: [{ email: 'grace@navy.example', contactId: grace }] });
    await seedLetter(ada.id, {
      subject: 'Copy to Grace',
      createdAt: minutesAgo(20),
      recipients: [
        { email: 'alan@bletchley.example', contactId: other },
        { role: 'cc', email: 'grace@navy.example', contactId: grace },
      ],
    });
    await seedLetter(ada.id, { subject: 'To Alan only', createdAt: minutesAgo(10), recipients: [{ email: 'alan@bletchley.example', contactId: other }] });
    // Another person's letter whose recipient row names Ada's contact id must never show on Ada's page.
    await seedLetter(bob.id, { subject: 'Bob to Grace', recipients: [{ email: 'grace@navy.example', contactId: grace }] });

    const all = await lettersToContact(ada.id, grace, 10);
    expect([subjects(all.letters), all.total]).toEqual([['Copy to Grace', 'To Grace'], 2]);
    // The limit shortens the list, never the count, so the page can say how many there are in all.
    const newest = await lettersToContact(ada.id, grace, 1);
    expect([subjects(newest.letters), newest.total]).toEqual([['Copy to Grace'], 2]);
    expect(await lettersToContact(bob.id, grace, 10)).toMatchObject({ letters: [{ subject: 'Bob to Grace' }], total: 1 });
    expect(await lettersToContact(ada.id, '00000000-0000-4000-8000-000000000000', 10)).toEqual({ letters: [], total: 0 });
  });
});
