import { expect, test } from '../fixtures';
import { seedUser, sql } from '../helpers/db';
import { seedContact } from '../helpers/seed';

test('a person adds a contact, finds it by search, edits it and sees its page', async ({ page, user }) => {
  await page.goto('/contacts');
  await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
  await page.getByRole('link', { name: 'Add a contact' }).click();
  await expect(page.getByRole('heading', { name: 'Add a contact' })).toBeVisible();

  // Mistakes are shown next to their fields, and what was typed stays.
  await page.getByLabel('Name', { exact: true }).fill('Grace Hopper');
  await page.getByLabel('Email', { exact: true }).fill('grace@navy');
  await page.getByLabel('LinkedIn URL').fill('linkedin.com/in/grace');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.locator('#field-email-error')).toHaveText(/must be a domain/);
  await expect(page.locator('#field-linkedinUrl-error')).toHaveText(/http:\/\/ or https:\/\//);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Grace Hopper');
  await expect(page.getByLabel('LinkedIn URL')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Email', { exact: true }).fill('Grace@Navy.example');
  await page.getByLabel('LinkedIn URL').fill('https://www.linkedin.com/in/grace');
  await page.getByLabel('Title').fill('Rear Admiral');
  await page.getByLabel('Company').fill('US Navy');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Grace Hopper' })).toBeVisible();
  await expect(page.getByText('Rear Admiral · US Navy')).toBeVisible();

  // A second contact with the same email, in another case, is refused by name.
  await seedContact(user.id, { name: 'Alan Kay', email: 'alan@parc.example' });
  await page.goto('/contacts');
  await page.getByLabel('Search contacts').fill('navy');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\?q=navy$/);
  await expect(page.getByRole('link', { name: 'Grace Hopper' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Alan Kay' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Grace Hopper' }).click();

  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Email', { exact: true }).fill('ALAN@parc.example');
  await page.getByLabel('Title').fill('Admiral');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.locator('#field-email-error')).toHaveText('Alan Kay already has this email address in your contacts.');
  await expect(page.getByLabel('Title')).toHaveValue('Admiral');
  await page.getByLabel('Email', { exact: true }).fill('grace@navy.example');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByText('Admiral · US Navy')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Letters' })).toBeVisible();
  await expect(page.getByText('No letters yet.')).toBeVisible();
  await expect(page.getByText('Added to your contacts')).toBeVisible();

  const rows = await sql()`select name, email, title from contacts where user_id = ${user.id} order by name`;
  expect(rows.map((r) => ({ ...r }))).toEqual([
    { name: 'Alan Kay', email: 'alan@parc.example', title: null },
    { name: 'Grace Hopper', email: 'grace@navy.example', title: 'Admiral' },
  ]);
});

test('deleting a contact asks first, says what goes with them, and keeps the applications', async ({ page, user }) => {
  const grace = await seedContact(user.id, { name: 'Grace Hopper' });
  await page.goto(`/contacts/${grace.id}`);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Grace Hopper?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('The applications and interviews themselves stay.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await dialog.getByRole('button', { name: 'Delete contact' }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
  const [{ count }] = await sql()`select count(*)::int as count from contacts where user_id = ${user.id}`;
  expect(count).toBe(0);
});

test('another person’s contact is a 404 on every contact page', async ({ page, user }) => {
  expect(user.id).toBeTruthy();
  const stranger = await seedUser();
  const theirs = await seedContact(stranger.id, { name: 'Someone Else’s Contact' });
  for (const path of [`/contacts/${theirs.id}`, `/contacts/${theirs.id}/edit`, `/contacts/${theirs.id}/merge`, '/contacts/not-a-uuid']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText('Someone Else’s Contact')).toHaveCount(0);
  }
});
