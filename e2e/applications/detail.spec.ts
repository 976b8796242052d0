import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { seedUser, sql } from '../helpers/db';
import { linkContact, seedApplication, seedContact, seedInterview } from '../helpers/seed';

// Dates on the timeline are shown in the reader's zone; pin it so the assertions are exact.
test.use({ timezoneId: 'UTC' });

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${label}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test('another person’s application, or a malformed id, is the 404 page everywhere under it', async ({ page, user }) => {
  expect(user.id).toBeTruthy();
  const stranger = await seedUser();
  const theirs = await seedApplication(stranger.id, { company: 'Secret Labs', position: 'Spy' });
  const interview = await seedInterview(stranger.id, theirs.id);

  for (const path of [
    `/applications/${theirs.id}`,
    `/applications/${theirs.id}/edit`,
    `/applications/${theirs.id}/contacts/new`,
    `/applications/${theirs.id}/interviews/new`,
    `/applications/${theirs.id}/interviews/${interview.id}/edit`,
    '/applications/not-a-uuid',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'This page isn’t here' })).toBeVisible();
    await expect(page.getByText('Secret Labs')).toHaveCount(0);
  }
  expect((await page.request.get(`/applications/${theirs.id}/interviews/people?q=a`)).status()).toBe(404);
});

async function seedBusyApplication(userId: string) {
  const application = await seedApplication(userId, { stage: 'interviewing' });
  const grace = await seedContact(userId, { name: 'Grace Hopper', email: 'grace@navy.example', title: 'Recruiter' });
  const alan = await seedContact(userId, { name: 'Alan Turing', email: 'alan@bletchley.example' });
  await seedContact(userId, { name: 'Katherine Johnson', email: 'katherine@nasa.example' });
  await linkContact(userId, application.id, grace.id, { role: 'recruiter', isPrimary: true });
  await linkContact(userId, application.id, alan.id);
  await seedInterview(userId, application.id, { attendeeIds: [grace.id, alan.id] });
  await seedInterview(userId, application.id, { kind: 'onsite', impression: 'The launch review.', attendeeIds: [alan.id] });
  return application;
}

const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

for (const viewport of viewports) {
  test.describe(`accessible on a ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });
    test.setTimeout(90_000);

    test('the detail page and its delete dialog', async ({ page, user }) => {
      const application = await seedBusyApplication(user.id);
      await page.goto(`/applications/${application.id}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Flight Engineer' })).toBeVisible();
      await expectAccessible(page, 'detail');
      await expectNoSidewaysScroll(page);

      await page.getByRole('button', { name: 'Delete…' }).click();
      await expect(page.getByRole('dialog', { name: 'Delete this application?' })).toBeVisible();
      await expectAccessible(page, 'delete dialog');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog')).toBeHidden();
    });

    test('the log-interview form, with its errors showing', async ({ page, user }) => {
      const application = await seedBusyApplication(user.id);
      await page.goto(`/applications/${application.id}/interviews/new`);
      await expect(page.getByRole('heading', { level: 1, name: 'Log an interview' })).toBeVisible();
      await page.getByRole('button', { name: 'Save interview' }).click();
      await expect(page.getByText('Enter the date and time of the interview.')).toBeVisible();
      await expectAccessible(page, 'interview form');
      await expectNoSidewaysScroll(page);
    });

    test('the add-contact page', async ({ page, user }) => {
      const application = await seedBusyApplication(user.id);
      await page.goto(`/applications/${application.id}/contacts/new`);
      await expect(page.getByRole('heading', { level: 1, name: 'Add a contact' })).toBeVisible();
      await expectAccessible(page, 'add contact');
      await expectNoSidewaysScroll(page);
    });
  });
}

test('edit the details, move the stage, correct its date, then archive and delete', async ({ page, user }) => {
  test.setTimeout(90_000);
  const application = await seedApplication(user.id, { stage: 'applied' });
  const grace = await seedContact(user.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
  await linkContact(user.id, application.id, grace.id, { role: 'recruiter' });

  await page.goto(`/applications/${application.id}`);
  await page.getByRole('link', { name: 'Edit details' }).click();
  await page.getByLabel('Position').fill('Senior Flight Engineer');
  await page.getByLabel('Job posting link').fill('ftp://acme.example/job');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Job posting link must be a web address starting with http:// or https://.')).toBeVisible();
  await expect(page.getByLabel('Position')).toHaveValue('Senior Flight Engineer');
  await page.getByLabel('Job posting link').fill('https://acme.example/job');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Senior Flight Engineer' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://acme.example/job' })).toBeVisible();

  await page.getByLabel('Stage').selectOption('offer');
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(page.getByText('Moved to Offer.')).toBeVisible();
  const move = page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: 'Applied → Offer' });
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first()).toContainText('Applied → Offer');
  await move.getByText('Correct the date').click();
  await move.getByLabel(/When it happened/).fill('2025-02-03T09:15');
  await move.getByRole('button', { name: 'Save date' }).click();
  await expect(move.getByText('Date corrected.')).toBeVisible();
  await expect(move.getByText('Mon, Feb 3, 2025, 9:15 AM UTC')).toBeVisible();
  // The corrected move now sorts by its real date: below the later events.
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first()).not.toContainText('Applied → Offer');

  const contacts = page.getByRole('region', { name: 'Contacts' });
  await contacts.getByRole('button', { name: 'Make Grace Hopper primary' }).click();
  await expect(contacts.getByText('Primary contact', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText('Archived: hidden from the board')).toBeVisible();

  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this application?' });
  await expect(dialog).toContainText('its links to 1 contact');
  await expect(dialog).toContainText('The contacts themselves stay');
  await dialog.getByRole('button', { name: 'Delete application' }).click();
  await expect(page).toHaveURL(/\/applications$/);
  expect(await sql()`select id from applications where id = ${application.id}`).toHaveLength(0);
  expect(await sql()`select id from contacts where id = ${grace.id}`).toHaveLength(1);
});

test('add a contact to the application, then take them off again', async ({ page, user }) => {
  const application = await seedApplication(user.id);
  await seedContact(user.id, { name: 'Grace Hopper', email: 'grace@navy.example' });

  await page.goto(`/applications/${application.id}`);
  const contacts = page.getByRole('region', { name: 'Contacts' });
  await expect(contacts.getByRole('heading', { name: 'Nobody here yet' })).toBeVisible();
  await contacts.getByRole('link', { name: 'Add a contact' }).click();
  await page.getByLabel('Search by name or email').fill('grace');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('radio', { name: /Grace Hopper/ }).check();
  await page.getByRole('region', { name: 'Someone already in your contacts' }).getByLabel('Role').selectOption('recruiter');
  await page.getByRole('button', { name: 'Add to the application' }).first().click();

  await expect(contacts.getByRole('link', { name: 'Grace Hopper' })).toBeVisible();
  await expect(contacts.getByLabel('Role of Grace Hopper')).toHaveValue('recruiter');
  await contacts.getByRole('button', { name: 'Remove Grace Hopper from this application' }).click();
  await expect(contacts.getByRole('heading', { name: 'Nobody here yet' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first()).toContainText(
    'Grace Hopper taken off this application',
  );
});
