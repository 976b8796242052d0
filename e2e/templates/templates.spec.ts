import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { seedUser, sql } from '../helpers/db';
import { linkContact, seedApplication, seedContact, seedInterview } from '../helpers/seed';

const preview = (page: Page) => page.frameLocator('iframe[title="Letter preview"]');
const templateRow = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name }) });

async function expectAccessible(page: Page, label: string) {
  // Axe cannot run inside a frame whose sandbox allows no scripts: it waits for it until the test times out.
  // The frame's title is what the other tests here find it by.
  const results = await new AxeBuilder({ page }).exclude('iframe[title="Letter preview"]').analyze();
  expect(results.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} overflows sideways`).toBeLessThanOrEqual(0);
}

async function templateRows(userId: string) {
  return sql()`select kind, builtin_kind, name, subject, body from letter_templates where user_id = ${userId} order by created_at`;
}

test('edit a built-in with a live preview, save it, see it marked edited, and reset it', async ({ page, user }) => {
  // A save, a reset and several server-rendered previews: slow on a shared two-core machine.
  test.slow();
  await page.goto('/templates');
  const row = templateRow(page, 'Thank-you after an interview');
  await expect(row.getByText('Built-in', { exact: true })).toBeVisible();
  await row.getByRole('link', { name: 'Thank-you after an interview' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Thank-you after an interview' })).toBeVisible();
  await expect(preview(page).getByText('Dear Grace,', { exact: true })).toBeVisible();

  const body = page.getByLabel('Letter', { exact: true });
  await body.fill('Dear {{contact.firstName}},\n\nIt was a pleasure to meet the team at ');
  // Keyboard only: the merge field goes in at the cursor, and focus returns to the letter.
  await page.getByRole('button', { name: /^\{\{company\}\}/ }).press('Enter');
  await expect(body).toBeFocused();
  await page.keyboard.type('.\n\n{{me.signature}}');
  await expect(body).toHaveValue('Dear {{contact.firstName}},\n\nIt was a pleasure to meet the team at {{company}}.\n\n{{me.signature}}');
  await expect(preview(page).getByText('It was a pleasure to meet the team at Analytical Engines Ltd.')).toBeVisible();

  await page.getByLabel('Subject').fill('Thank you, {{contact.name}}');
  await expect(page.getByText('Subject: Thank you, Grace Hopper')).toBeVisible();

  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page).toHaveURL(/\/templates\?saved=interview_thanks$/);
  await expect(page.getByRole('status').filter({ hasText: '“Thank-you after an interview” saved.' })).toBeVisible();
  await expect(row.getByText('Edited', { exact: true })).toBeVisible();
  expect(await templateRows(user.id)).toEqual([
    expect.objectContaining({ kind: 'interview_thanks', builtin_kind: 'interview_thanks', subject: 'Thank you, {{contact.name}}' }),
  ]);

  await row.getByRole('link', { name: 'Thank-you after an interview' }).click();
  await expect(page.getByLabel('Subject')).toHaveValue('Thank you, {{contact.name}}');
  await page.getByRole('button', { name: 'Reset to built-in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset “Thank-you after an interview”?' });
  await dialog.getByRole('button', { name: 'Reset template' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is back to Afterword’s text' })).toBeVisible();
  await expect(row.getByText('Built-in', { exact: true })).toBeVisible();
  expect(await templateRows(user.id)).toEqual([]);
});

test('the preview uses a real application’s facts, escaped, and names what is missing', async ({ page, user }) => {
  const ready = await seedApplication(user.id, { company: '<script>alert(1)</script>', position: 'Flight Engineer' });
  const grace = await seedContact(user.id, { name: 'Grace Hopper' });
  await linkContact(user.id, ready.id, grace.id, { isPrimary: true });
  await seedInterview(user.id, ready.id, { attendeeIds: [grace.id], impression: 'the launch cadence.' });
  const unfinished = await seedApplication(user.id, { company: 'Acme Rockets', position: 'Test Pilot' });
  const katherine = await seedContact(user.id, { name: 'Katherine Johnson' });
  await linkContact(user.id, unfinished.id, katherine.id, { isPrimary: true });
  const interview = await seedInterview(user.id, unfinished.id, { attendeeIds: [katherine.id], impression: null });

  await page.goto('/templates/interview_thanks/edit');
  const choice = page.getByLabel('Preview with');
  await choice.selectOption({ label: '<script>alert(1)</script>: Flight Engineer' });
  await expect(preview(page).getByText('the Flight Engineer role at <script>alert(1)</script>')).toBeVisible();
  await expect(preview(page).getByText('the launch cadence.')).toBeVisible();

  await choice.selectOption({ label: 'Acme Rockets: Test Pilot' });
  const fillIn = page.getByRole('link', { name: '“What impressed you most?”, on the interview' });
  await expect(fillIn).toBeVisible();
  await expect(fillIn).toHaveAttribute('href', `/applications/${unfinished.id}/interviews/${interview.id}/edit`);
  await expect(page.locator('iframe[title="Letter preview"]')).toHaveCount(0);
});

test('a template of one’s own: an unknown field is refused next to its field, typed text kept; then saved and deleted', async ({
  page,
  user,
}) => {
  test.slow();
  await page.goto('/templates');
  await expect(page.getByRole('heading', { name: 'No templates of your own yet' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'New template' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'New template' })).toBeVisible();

  await page.getByLabel('Name').fill('After a conference');
  await page.getByLabel('Used for').selectOption({ label: 'Follow-up check-in' });
  await page.getByLabel('Subject').fill('Good to meet you, {{contact.firstName}}');
  const body = page.getByLabel('Letter', { exact: true });
  const typed = 'Dear {{contact.firstName}},\n\nAbout {{salary}}.\n\n{{me.signature}}';
  await body.fill(typed);
  // The preview says so before saving is even tried.
  await expect(page.getByText(/^Unknown merge field \{\{salary\}\}\./).first()).toBeVisible();

  await page.getByRole('button', { name: 'Create template' }).click();
  await expect(page.locator('#field-body-error')).toHaveText(/^Unknown merge field \{\{salary\}\}\. Use one of: \{\{contact\.firstName\}\}/);
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  await expect(body).toHaveValue(typed);
  await expect(page.getByLabel('Name')).toHaveValue('After a conference');
  await expect(page.getByLabel('Used for')).toHaveValue('follow_up');
  expect(await templateRows(user.id)).toEqual([]);

  await body.fill('Dear {{contact.firstName}},\n\nIt was good to meet you at the conference.\n\n{{me.signature}}');
  await page.getByRole('button', { name: 'Create template' }).click();
  await expect(page.getByRole('status').filter({ hasText: '“After a conference” saved.' })).toBeVisible();
  const row = templateRow(page, 'After a conference');
  await expect(row.getByText('For: Follow-up check-in')).toBeVisible();
  expect(await templateRows(user.id)).toEqual([expect.objectContaining({ kind: 'follow_up', builtin_kind: null, name: 'After a conference' })]);

  await row.getByRole('link', { name: 'After a conference' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete template' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Template deleted.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No templates of your own yet' })).toBeVisible();
  expect(await templateRows(user.id)).toEqual([]);
});

test('another person’s template, or a made-up address, is a 404', async ({ page, user }) => {
  expect(user.id).toBeTruthy();
  const other = await seedUser();
  const [{ id }] = await sql()`insert into letter_templates (user_id, kind, name, subject, body)
    values (${other.id}, 'follow_up', 'Private', 'Hi', 'Secret words') returning id`;
  for (const path of [`/templates/${id}/edit`, '/templates/not-a-template/edit', `/templates/${crypto.randomUUID()}/edit`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByText('Secret words')).toHaveCount(0);
  }
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
]) {
  test(`the templates pages have no accessibility violations at ${viewport.width}px`, async ({ page, user }) => {
    test.slow();
    await page.setViewportSize(viewport);
    await sql()`insert into letter_templates (user_id, kind, name, subject, body)
      values (${user.id}, 'rejection_thanks', 'After the second round at a very long company name indeed', 'Thank you, {{contact.firstName}}', 'Dear {{contact.firstName}},')`;
    for (const [path, heading] of [
      ['/templates', 'Templates'],
      ['/templates/interview_thanks/edit', 'Thank-you after an interview'],
      ['/templates/new', 'New template'],
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectAccessible(page, `${path} at ${viewport.width}px`);
      if (process.env.TEMPLATES_SHOTS) {
        await page.screenshot({ path: `${process.env.TEMPLATES_SHOTS}/${viewport.width}${path.replace(/\//g, '_')}.png`, fullPage: true });
      }
    }
    // The editor with an error showing.
    await page.getByRole('button', { name: 'Create template' }).click();
    await expect(page.locator('#field-name-error')).toHaveText('Enter name.');
    await expectAccessible(page, `/templates/new with errors at ${viewport.width}px`);
  });
}
