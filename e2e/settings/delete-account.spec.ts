import crypto from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures';
import { seedUser, sql } from '../helpers/db';
import { seedApplication, seedContact } from '../helpers/seed';

/** A letter as the sending code writes it, with one recipient; `claimed` is one a sender holds right now. */
async function seedLetter(userId: string, applicationId: string, options: { status: 'queued' | 'delivered'; claimed?: boolean }) {
  const id = crypto.randomUUID();
  const sentAt = options.status === 'queued' ? null : new Date(Date.now() - 60 * 60_000);
  const claimedUntil = options.claimed ? new Date(Date.now() + 60_000) : null;
  await sql()`insert into letters (id, user_id, kind, template_name, application_id, group_id, from_name, reply_to,
      subject, body, html, text, idempotency_key, status, sent_at, claimed_until, next_attempt_at)
    values (${id}, ${userId}, 'interview_thanks', 'Thank-you after an interview', ${applicationId}, ${crypto.randomUUID()},
      'Ada Lovelace via Afterword', 'ada@example.com', 'Thank you', 'Dear Grace,', '<p>Dear Grace,</p>', 'Dear Grace,',
      ${crypto.randomUUID()}, ${options.status}, ${sentAt}, ${claimedUntil}, now() + interval '1 hour')`;
  await sql()`insert into letter_recipients (user_id, letter_id, role, name, email)
    values (${userId}, ${id}, 'to', 'Grace Hopper', 'grace@navy.example')`;
  return id;
}

/** How many rows a person has left in the tables the account page counts, and their own row and sessions. */
async function rowsOf(userId: string) {
  const [counts] = await sql()`select
      (select count(*)::int from users where id = ${userId}) as users,
      (select count(*)::int from sessions where user_id = ${userId}) as sessions,
      (select count(*)::int from applications where user_id = ${userId}) as applications,
      (select count(*)::int from companies where user_id = ${userId}) as companies,
      (select count(*)::int from contacts where user_id = ${userId}) as contacts,
      (select count(*)::int from letters where user_id = ${userId}) as letters,
      (select count(*)::int from letter_recipients where user_id = ${userId}) as recipients,
      (select count(*)::int from activities where user_id = ${userId}) as activities`;
  return counts;
}

test('a person deletes their account: told what goes, confirmed by their address, then signed out everywhere', async ({ page, user }) => {
  test.slow();
  const rockets = await seedApplication(user.id, { company: 'Acme Rockets' });
  const boats = await seedApplication(user.id, { company: 'Acme Boats', position: 'Navigator' });
  await seedContact(user.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
  await seedLetter(user.id, rockets.id, { status: 'delivered' });
  await seedLetter(user.id, boats.id, { status: 'queued' });
  const other = await seedUser({ name: 'Grace Hopper' });
  await seedApplication(other.id, { company: 'Navy Yard' });
  const othersBefore = await rowsOf(other.id);

  await page.goto('/settings');
  await page.getByRole('link', { name: 'Delete your account…' }).click();
  await expect(page).toHaveURL(/\/settings\/delete-account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Delete your account' })).toBeVisible();
  const whatGoes = page.getByRole('region', { name: 'What goes' });
  await expect(whatGoes.getByText('2 applications at 2 companies')).toBeVisible();
  await expect(whatGoes.getByText('1 contact', { exact: true })).toBeVisible();
  await expect(whatGoes.getByText(/2 letters, with their recipients/)).toBeVisible();
  await expect(whatGoes.getByText(/1 letter not sent yet will not be sent/)).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `delete-account: ${v.id}`)).toEqual([]);

  // Someone else's address is refused next to the field, and nothing goes.
  const field = page.getByLabel('Type your email address to confirm');
  await field.fill(other.email);
  await page.getByRole('button', { name: 'Delete my account and everything in it' }).click();
  await expect(page.locator('#field-email-error')).toHaveText(/not this account’s address/);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAttribute('aria-describedby', /field-email-error/);
  await expect(page.getByRole('status').filter({ hasText: 'Nothing was deleted.' })).toBeVisible();
  expect((await rowsOf(user.id)).applications).toBe(2);

  // The right one, in capitals, sent from the keyboard.
  await field.fill(user.email.toUpperCase());
  await field.press('Enter');
  await expect(page).toHaveURL(/\/sign-in\?account=deleted$/);
  await expect(page.getByRole('status').filter({ hasText: 'Your account has been deleted' })).toBeVisible();

  expect(await rowsOf(user.id)).toEqual({ users: 0, sessions: 0, applications: 0, companies: 0, contacts: 0, letters: 0, recipients: 0, activities: 0 });
  expect(await rowsOf(other.id)).toEqual(othersBefore);

  // Signed out: the app sends the browser back to sign in.
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('deleting an account is refused while one of its letters is being sent', async ({ page, user }) => {
  const application = await seedApplication(user.id);
  await seedLetter(user.id, application.id, { status: 'queued', claimed: true });

  await page.goto('/settings/delete-account');
  await page.getByLabel('Type your email address to confirm').fill(user.email);
  await page.getByRole('button', { name: 'Delete my account and everything in it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'A letter is being sent; try again in a minute.' })).toBeVisible();
  await expect(page).toHaveURL(/\/settings\/delete-account$/);
  expect(await rowsOf(user.id)).toMatchObject({ users: 1, sessions: 1, applications: 1, letters: 1 });
});

test('the way back keeps the account', async ({ page, user }) => {
  await page.goto('/settings/delete-account');
  await page.getByRole('link', { name: 'Keep my account and go back to Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  expect((await rowsOf(user.id)).users).toBe(1);
});
