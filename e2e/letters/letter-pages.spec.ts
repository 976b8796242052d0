import crypto from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { seedUser, sql } from '../helpers/db';
import { seedApplication, seedContact } from '../helpers/seed';

const EVIL = '<img src=x onerror=alert(1)>';

/** A letter as the sending code writes it: the row, its recipients, and Resend's events. */
async function seedLetter(
  userId: string,
  options: {
    subject: string;
    status?: string;
    applicationId?: string;
    minutesAgo?: number;
    html?: string;
    deliveredLocally?: boolean;
    templateName?: string;
    recipients?: { role: 'to' | 'cc'; name: string | null; email: string; contactId?: string }[];
    events?: { type: string; minutesAgo: number; detail?: Record<string, string> }[];
  },
) {
  const id = crypto.randomUUID();
  const at = new Date(Date.now() - (options.minutesAgo ?? 60) * 60_000);
  const html = options.html ?? `<p>Dear Grace,</p><p>${options.subject}</p>`;
  const status = options.status ?? 'delivered';
  const sentAt = status === 'queued' || status === 'needs_decision' ? null : at;
  await sql()`insert into letters (id, user_id, kind, template_name, application_id, group_id, from_name, reply_to,
      subject, body, html, text, idempotency_key, status, delivered_locally, sent_at, created_at)
    values (${id}, ${userId}, 'interview_thanks', ${options.templateName ?? 'Thank-you after an interview'},
      ${options.applicationId ?? null}, ${crypto.randomUUID()}, 'Ada Lovelace via Afterword', 'ada@example.com',
      ${options.subject}, 'Dear Grace,', ${html}, ${`Dear Grace,\n\nPlain words for ${options.subject}.`},
      ${crypto.randomUUID()}, ${status}, ${options.deliveredLocally ?? false}, ${sentAt}, ${at})`;
  const recipients = options.recipients ?? [{ role: 'to', name: 'Grace Hopper', email: 'grace@navy.example' }];
  for (const r of recipients) {
    await sql()`insert into letter_recipients (user_id, letter_id, role, name, email, contact_id)
      values (${userId}, ${id}, ${r.role}, ${r.name}, ${r.email}, ${r.contactId ?? null})`;
  }
  for (const e of options.events ?? []) {
    await sql()`insert into letter_events (svix_id, user_id, letter_id, type, occurred_at, detail)
      values (${`msg_${crypto.randomUUID()}`}, ${userId}, ${id}, ${e.type},
        ${new Date(Date.now() - e.minutesAgo * 60_000)}, ${sql().json(e.detail ?? {})})`;
  }
  return id;
}

async function expectAccessible(page: Page, label: string) {
  // No script runs inside the letter's sandboxed frame, axe's included, and it would wait there until
  // the test times out. The frame's title is asserted by the tests themselves.
  const results = await new AxeBuilder({ page }).exclude('iframe[sandbox]').analyze();
  expect(results.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} overflows sideways`).toBeLessThanOrEqual(0);
}

/** Any script that runs from seeded text would open a dialog: the test fails if one does. */
function failOnDialog(page: Page) {
  page.on('dialog', (dialog) => {
    throw new Error(`A dialog opened: ${dialog.message()}`);
  });
}

test('the list shows every letter, filters by status, and a letter page shows the letter and what happened to it', async ({ page, user }) => {
  failOnDialog(page);
  const evil = await seedApplication(user.id, { company: EVIL, position: 'Engineer' });
  const grace = await seedContact(user.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
  await seedLetter(user.id, { subject: 'Thank you for Monday', status: 'delivered', minutesAgo: 120 });
  await seedLetter(user.id, { subject: EVIL, status: 'bounced', applicationId: evil.id, minutesAgo: 60 });
  const opened = await seedLetter(user.id, {
    subject: 'Thank you for the Engineer interview',
    status: 'clicked',
    applicationId: evil.id,
    minutesAgo: 30,
    html: '<h1>Dear Grace</h1><p>What impressed me most was the team.</p><script>alert(1)</script>',
    recipients: [
      { role: 'to', name: 'Grace Hopper', email: 'grace@navy.example', contactId: grace.id },
      { role: 'cc', name: 'Alan Turing', email: 'alan@navy.example' },
      { role: 'cc', name: null, email: 'katherine@navy.example' },
    ],
    events: [
      { type: 'email.sent', minutesAgo: 29 },
      { type: 'email.delivered', minutesAgo: 28 },
      { type: 'email.opened', minutesAgo: 20 },
      { type: 'email.clicked', minutesAgo: 10, detail: { link: `https://evil.example/${EVIL}` } },
    ],
  });
  const other = await seedUser();
  const theirs = await seedLetter(other.id, { subject: 'Someone else’s letter' });

  await page.goto('/letters');
  await expect(page.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible();
  await expect(page.getByText('1–3 of 3 letters')).toBeVisible();
  // Each row's subject is its link to the letter page.
  const subjects = page.locator('main li a[href^="/letters/"]');
  await expect(subjects).toHaveText(['Thank you for the Engineer interview', EVIL, 'Thank you for Monday']);
  await expect(page.getByText('Someone else’s letter')).toHaveCount(0);
  await expect(page.getByRole('link', { name: `${EVIL} — Engineer` }).first()).toBeVisible();
  await expect(page.locator('main img')).toHaveCount(0);
  await expect(page.getByText('+2 cc')).toBeVisible();

  await page.getByLabel('Status').selectOption({ label: 'Bounced' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/[?&]status=bounced/);
  await expect(page.getByText('1–1 of 1 letter with status “Bounced”')).toBeVisible();
  await expect(subjects).toHaveText([EVIL]);
  await expect(page.getByLabel('Status')).toHaveValue('bounced');

  await page.getByLabel('Status').selectOption({ label: 'Failed' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByRole('heading', { name: 'No letters match these filters' })).toBeVisible();
  await page.getByRole('link', { name: 'Clear filters' }).first().click();
  await expect(page).toHaveURL(/\/letters$/);
  await expect(subjects).toHaveCount(3);

  await page.getByRole('link', { name: 'Thank you for the Engineer interview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you for the Engineer interview' })).toBeVisible();
  const letter = page.frameLocator('iframe[title="The letter as sent"]');
  await expect(letter.getByText('What impressed me most was the team.')).toBeVisible();
  await expect(page.locator('iframe[title="The letter as sent"]')).toHaveAttribute('sandbox', '');
  await expect(page.getByText('Alan Turing')).toBeVisible();
  await expect(page.getByText('katherine@navy.example')).toBeVisible();

  const timeline = page.getByRole('region', { name: 'What happened to it' });
  await expect(timeline.getByRole('listitem')).toHaveCount(4);
  await expect(timeline.getByText('Opened (may be automatic)')).toBeVisible();
  await expect(timeline.getByText(/Mail scanners do this too/)).toBeVisible();
  await expect(timeline.getByText(`https://evil.example/${EVIL}`)).toBeVisible();
  await expect(timeline.getByRole('link')).toHaveCount(0);

  await page.getByText('The plain-text version').click();
  await expect(page.getByText('Plain words for Thank you for the Engineer interview.')).toBeVisible();

  // The contact's page lists the letter they were sent.
  await page.goto(`/contacts/${grace.id}`);
  await expect(page.getByRole('region', { name: 'Letters' }).getByRole('link', { name: 'Thank you for the Engineer interview' })).toHaveAttribute(
    'href',
    `/letters/${opened}`,
  );

  for (const id of [theirs, crypto.randomUUID(), 'not-a-letter']) {
    const response = await page.goto(`/letters/${id}`);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'No such letter' })).toBeVisible();
  }
});

test('a contact’s page links to all their letters: the list filtered to them, with a chip that removes the filter', async ({ page, user }) => {
  const grace = await seedContact(user.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
  for (let i = 0; i < 21; i++) {
    await seedLetter(user.id, {
      subject: `Letter ${String(i).padStart(2, '0')}`,
      status: i === 0 ? 'bounced' : 'delivered',
      minutesAgo: i + 1,
      recipients: [{ role: i % 2 ? 'to' : 'cc', name: 'Grace Hopper', email: 'grace@navy.example', contactId: grace.id }],
    });
  }
  await seedLetter(user.id, { subject: 'To someone else', status: 'bounced', minutesAgo: 100 });

  await page.goto(`/contacts/${grace.id}`);
  const letters = page.getByRole('region', { name: 'Letters' });
  await expect(letters.getByRole('listitem')).toHaveCount(20);
  await letters.getByRole('link', { name: 'See all 21 letters' }).click();
  await expect(page).toHaveURL(new RegExp(`/letters\\?contact=${grace.id}$`));
  await expect(page.getByText('1–21 of 21 letters to Grace Hopper')).toBeVisible();
  await expect(page.getByText('To someone else')).toHaveCount(0);

  await page.getByLabel('Status').selectOption({ label: 'Bounced' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]contact=${grace.id}`));
  await expect(page.getByText('1–1 of 1 letter to Grace Hopper, with status “Bounced”')).toBeVisible();

  await page.getByRole('link', { name: 'Remove the filter: letters to Grace Hopper' }).click();
  await expect(page).toHaveURL(/\/letters\?status=bounced$/);
  await expect(page.getByText('1–2 of 2 letters with status “Bounced”')).toBeVisible();

  // Another person's contact, or an id that is none, shows no letters rather than an error.
  const someoneElse = await seedContact((await seedUser()).id, { name: 'Their Contact', email: 'their@contact.example' });
  for (const id of [someoneElse.id, 'not-a-contact']) {
    const response = await page.goto(`/letters?contact=${id}`);
    expect(response?.status(), id).toBe(200);
    await expect(page.getByRole('heading', { name: 'No letters match these filters' })).toBeVisible();
    await expect(page.getByText('Letters to an unknown contact', { exact: true })).toBeVisible();
    await expect(page.getByText('Their Contact')).toHaveCount(0);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('filters and pages work as plain links and forms', async ({ page, user }) => {
    for (let i = 0; i < 27; i++) {
      await seedLetter(user.id, { subject: `Follow-up ${String(i).padStart(2, '0')}`, status: i % 2 ? 'sent' : 'delivered', minutesAgo: i + 1 });
    }
    await page.goto('/letters');
    await expect(page.getByText('1–25 of 27 letters')).toBeVisible();
    await page.getByRole('link', { name: 'Older letters' }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(page.getByText('26–27 of 27 letters')).toBeVisible();

    await page.getByLabel('Status').selectOption('sent');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/[?&]status=sent/);
    await expect(page).not.toHaveURL(/page=2/);
    await expect(page.getByText('1–13 of 13 letters with status “Sent”')).toBeVisible();
  });
});

test('an empty list says where letters come from', async ({ page, user }) => {
  expect(user.id).toBeTruthy();
  await page.goto('/letters');
  await expect(page.getByRole('heading', { name: 'No letters yet' })).toBeVisible();
  await expect(page.getByText(/sent from an interview/)).toBeVisible();
  await expectAccessible(page, 'empty /letters');
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
]) {
  test(`the letters pages have no accessibility violations at ${viewport.width}px`, async ({ page, user }) => {
    test.slow();
    await page.setViewportSize(viewport);
    const app = await seedApplication(user.id, { company: 'Eckert–Mauchly Computer Corporation', position: 'Senior Mathematician and Programmer' });
    const grace = await seedContact(user.id, { name: 'Grace Brewster Murray Hopper', email: 'grace.brewster.murray.hopper@navy.example' });
    const stuck = await seedLetter(user.id, { subject: 'Stuck letter', status: 'needs_decision', minutesAgo: 2000 });
    await seedLetter(user.id, { subject: 'Kept in the outbox', status: 'delivered', deliveredLocally: true, templateName: 'My own follow-up' });
    const id = await seedLetter(user.id, {
      subject: 'Thank you for the Senior Mathematician and Programmer interview on Tuesday',
      status: 'opened',
      applicationId: app.id,
      minutesAgo: 5,
      recipients: [
        { role: 'to', name: grace.name, email: grace.email!, contactId: grace.id },
        { role: 'cc', name: 'John Mauchly', email: 'john.mauchly@eckert-mauchly.example' },
      ],
      events: [
        { type: 'email.delivered', minutesAgo: 4 },
        { type: 'email.opened', minutesAgo: 3 },
        { type: 'email.bounced', minutesAgo: 2, detail: { reason: 'Mailbox full', bounceType: 'Transient' } },
      ],
    });
    for (const [path, name] of [
      ['/letters', 'letters'],
      ['/letters?status=failed', 'letters-filtered-empty'],
      [`/letters?contact=${grace.id}`, 'letters-to-contact'],
      [`/letters/${id}`, 'letter'],
      [`/letters/${stuck}`, 'letter-needs-decision'],
      [`/contacts/${grace.id}`, 'contact'],
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (path.startsWith('/letters/')) await expect(page.getByTitle('The letter as sent')).toBeVisible();
      await expectAccessible(page, `${path} at ${viewport.width}px`);
      if (process.env.LETTERS_SHOTS) {
        await page.screenshot({ path: `${process.env.LETTERS_SHOTS}/${viewport.width}-${name}.png`, fullPage: true });
        if (name === 'letter') await page.getByTitle('The letter as sent').screenshot({ path: `${process.env.LETTERS_SHOTS}/${viewport.width}-frame.png` });
      }
    }
  });
}
