import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ContactPage from '@/app/(app)/contacts/[id]/page';
import LetterPage from '@/app/(app)/letters/[id]/page';
import LettersPage from '@/app/(app)/letters/page';
import type { SessionUser } from '@/lib/auth/user';
import { setupTestDatabase } from '../support/database';
import { minutesAgo, seedApplication, seedContact, seedEvent, seedLetter, seedUser } from './seed';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({
  getUser: async () => session.user,
  requireUser: async () => {
    if (!session.user) throw new Error('not signed in');
    return session.user;
  },
}));

setupTestDatabase();

let ada: SessionUser;
let bob: SessionUser;
beforeEach(async () => {
  ada = await seedUser('ada');
  bob = await seedUser('bob');
  session.user = ada;
});

const html = async (page: Promise<ReactElement>) => renderToStaticMarkup(await page);
const list = (search: Record<string, string> = {}) => html(LettersPage({ searchParams: Promise.resolve(search) }));
const letterPage = (id: string) => html(LetterPage({ params: Promise.resolve({ id }) }));
const NOT_FOUND = 'NEXT_HTTP_ERROR_FALLBACK;404';
const EVIL = '<img src=x onerror=alert(1)>';

describe('the letters page', () => {
  it('explains where letters come from before there are any', async () => {
    await seedLetter(bob.id, { subject: 'Bob’s letter' });
    const page = await list();
    expect(page).toContain('No letters yet');
    expect(page).toContain('sent from an interview');
    expect(page).not.toContain('Bob’s letter');
  });

  it('lists letters with recipients, status, template, application and time, printing untrusted text as text', async () => {
    const app = await seedApplication(ada.id, EVIL, 'Engineer');
    await seedLetter(ada.id, {
      subject: EVIL,
      applicationId: app,
      status: 'opened',
      sentAt: new Date(Date.now() - 3 * 3600_000),
      recipients: [
        { role: 'to', name: 'Grace Hopper', email: 'grace@navy.example' },
        { role: 'cc', email: 'a@navy.example' },
        { role: 'cc', email: 'b@navy.example' },
      ],
    });
    await seedLetter(ada.id, { subject: 'Outbox letter', status: 'delivered', deliveredLocally: true, isTest: true, templateName: 'My own' });

    const page = await list();
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain(`href="/applications/${app}"`);
    expect(page).toContain('Grace Hopper');
    expect(page).toContain('+2 cc');
    expect(page).toContain('Opened (may be automatic)');
    expect(page).toContain('Mail scanners do this too');
    expect(page).toContain('Delivered locally (not really sent)');
    expect(page).toContain('Test to myself');
    expect(page).toContain('Sent <time');
    expect(page).toContain('3 hours ago');
    expect(page).toContain('1–2 of 2 letters');
    // The filter form is a plain GET form, with the person's template names to choose from.
    expect(page).toMatch(/<form[^>]*action="\/letters"/);
    expect(page).toContain('<option value="My own">My own</option>');
  });

  it('keeps the filters in the URL and offers to clear them when nothing matches', async () => {
    await seedLetter(ada.id, { subject: 'Delivered one', status: 'delivered' });
    await seedLetter(ada.id, { subject: 'Bounced one', status: 'bounced' });

    const bounced = await list({ status: 'bounced' });
    expect(bounced).toContain('Bounced one');
    expect(bounced).not.toContain('Delivered one');
    expect(bounced).toContain('1–1 of 1 letter with status “Bounced”');
    expect(bounced).toMatch(/<option value="bounced" selected="">/);

    const none = await list({ status: 'failed', template: 'Thank-you after an interview' });
    expect(none).toContain('No letters match these filters');
    expect(none).toContain('Clear filters');
    expect(none).toContain('href="/letters?template=Thank-you+after+an+interview"');

    // A hand-edited URL falls back to all letters rather than failing.
    expect(await list({ status: 'nonsense', page: 'x' })).toContain('Delivered one');
  });

  it('filters to one contact, named in a chip that removes the filter, and keeps it through the other filters', async () => {
    const grace = await seedContact(ada.id, { name: 'Grace <b>Hopper</b>', email: 'grace@navy.example' });
    await seedLetter(ada.id, { subject: 'To Grace', status: 'bounced', recipients: [{ email: 'grace@navy.example', contactId: grace }] });
    await seedLetter(ada.id, { subject: 'To someone else', status: 'bounced', recipients: [{ email: 'x@navy.example' }] });

    const page = await list({ contact: grace, status: 'bounced' });
    expect(page).toContain('To Grace');
    expect(page).not.toContain('To someone else');
    expect(page).toContain('1–1 of 1 letter to Grace &lt;b&gt;Hopper&lt;/b&gt;, with status “Bounced”');
    expect(page).toContain(`href="/contacts/${grace}"`);
    expect(page).toContain(`<input type="hidden" name="contact" value="${grace}"/>`);
    // Removing the chip keeps the other filters.
    expect(page).toMatch(/<a aria-label="Remove the filter: letters to Grace &lt;b&gt;Hopper&lt;\/b&gt;"[^>]* href="\/letters\?status=bounced">/);
    expect(page).toContain('Clear filters');
  });

  it('pages through the letters to one contact', async () => {
    const grace = await seedContact(ada.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
    for (let i = 0; i < 26; i++) {
      await seedLetter(ada.id, { subject: `Letter ${i}`, createdAt: minutesAgo(i), recipients: [{ email: 'grace@navy.example', contactId: grace }] });
    }
    expect(await list({ contact: grace })).toContain(`href="/letters?contact=${grace}&amp;page=2"`);
    const second = await list({ contact: grace, page: '2' });
    expect(second).toContain('26–26 of 26 letters to Grace Hopper');
    expect(second).toContain(`href="/letters?contact=${grace}"`);
  });

  it('shows the empty state, never an error, for another person’s contact or a malformed one', async () => {
    await seedLetter(ada.id, { subject: 'Ada’s letter' });
    const bobs = await seedContact(bob.id, { name: 'Bob’s Secret Contact', email: 'secret@bob.example' });
    await seedLetter(bob.id, { subject: 'Bob’s letter', recipients: [{ email: 'secret@bob.example', contactId: bobs }] });

    for (const contact of [bobs, 'not-a-uuid']) {
      const page = await list({ contact });
      expect(page, contact).toContain('No letters match these filters');
      expect(page).toContain('You have no letters to an unknown contact.');
      expect(page).toContain('Letters to an unknown contact');
      expect(page).not.toContain('Bob’s Secret Contact');
      expect(page).not.toContain('Bob’s letter');
      expect(page).not.toContain('Ada’s letter');
    }
  });
});

describe('a letter’s page', () => {
  it('shows the letter in a sandboxed frame, its facts, and what Resend reported, links as text', async () => {
    const app = await seedApplication(ada.id, 'Acme Rockets', 'Engineer');
    const id = await seedLetter(ada.id, {
      subject: EVIL,
      applicationId: app,
      status: 'clicked',
      html: '<p>Dear Grace, what impressed me most<script>alert(1)</script></p>',
      text: 'Dear Grace, plain words.',
      replyTo: 'ada@reply.example',
      recipients: [
        { role: 'to', name: 'Grace Hopper', email: 'grace@acme.example' },
        { role: 'cc', name: 'Alan Turing', email: 'alan@acme.example' },
      ],
    });
    await seedEvent(ada.id, id, 'email.delivered', minutesAgo(5));
    await seedEvent(ada.id, id, 'email.opened', minutesAgo(4));
    await seedEvent(ada.id, id, 'email.clicked', minutesAgo(3), { link: 'https://evil.example/"><script>x</script>' });

    const page = await letterPage(id);
    expect(page).not.toContain('<img src=x');
    expect(page).toMatch(/<iframe[^>]*title="The letter as sent"/);
    expect(page).toMatch(/<iframe[^>]*sandbox=""/);
    // The letter's markup lives only inside srcdoc, as an attribute value.
    expect(page).toContain('srcDoc="&lt;p&gt;Dear Grace, what impressed me most&lt;script&gt;');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('Dear Grace, plain words.');
    expect(page).toContain('ada@reply.example');
    expect(page).toContain('Alan Turing');
    expect(page).toContain(`href="/applications/${app}"`);
    expect(page).toContain('Opened (may be automatic)');
    expect(page).toContain('Mail scanners do this too');
    expect(page).toContain('Link clicked');
    expect(page).toContain('https://evil.example/&quot;&gt;&lt;script&gt;x&lt;/script&gt;');
    expect(page).not.toContain('href="https://evil.example');
  });

  it('says why a letter failed, and what a letter needing a decision means', async () => {
    const failed = await seedLetter(ada.id, { status: 'failed', attempts: 1, lastError: 'The to address is invalid' });
    expect(await letterPage(failed)).toContain('Resend refused it: The to address is invalid');

    const stuck = await seedLetter(ada.id, { status: 'needs_decision', attempts: 9, lastError: 'Resend timed out' });
    const page = await letterPage(stuck);
    expect(page).toContain('Needs your decision');
    expect(page).toContain('Afterword tried 9 times over 23 hours');
    expect(page).toContain('Resend timed out');

    const local = await seedLetter(ada.id, { status: 'delivered', deliveredLocally: true });
    expect(await letterPage(local)).toContain('local-outbox mode');
  });

  it('is a 404 for another person’s letter, a missing one and a malformed id', async () => {
    const bobs = await seedLetter(bob.id);
    for (const id of [bobs, crypto.randomUUID(), 'not-a-uuid', "1'; drop table letters;--"]) {
      const error = await letterPage(id).then(
        () => null,
        (e: { digest?: string }) => e.digest,
      );
      expect(error).toBe(NOT_FOUND);
    }
  });
});

describe('the contact page', () => {
  it('lists the letters sent to the contact', async () => {
    const grace = await seedContact(ada.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
    const id = await seedLetter(ada.id, {
      subject: 'Thank you, Grace',
      status: 'bounced',
      recipients: [{ email: 'grace@navy.example', contactId: grace }],
    });
    await seedLetter(ada.id, { subject: 'To someone else', recipients: [{ email: 'x@navy.example' }] });
    const page = await html(ContactPage({ params: Promise.resolve({ id: grace }), searchParams: Promise.resolve({}) }));
    expect(page).toContain(`href="/letters/${id}"`);
    expect(page).toContain('Thank you, Grace');
    expect(page).toContain('Bounced');
    expect(page).not.toContain('To someone else');
    expect(page).not.toContain('No letters yet');
    expect(page).not.toContain('See all');
  });

  it('shows the newest 20 letters and links to all of them when there are more', async () => {
    const grace = await seedContact(ada.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
    for (let i = 0; i < 22; i++) {
      await seedLetter(ada.id, { subject: `Letter ${i}`, createdAt: minutesAgo(i), recipients: [{ email: 'grace@navy.example', contactId: grace }] });
    }
    const page = await html(ContactPage({ params: Promise.resolve({ id: grace }), searchParams: Promise.resolve({}) }));
    expect(page.match(/href="\/letters\/[0-9a-f-]{36}"/g)).toHaveLength(20);
    expect(page).toContain('Letter 19');
    expect(page).not.toContain('Letter 20');
    expect(page).toContain(`href="/letters?contact=${grace}">See all 22 letters</a>`);
    expect(page).toContain('(22)');
  });
});
