import { expect, test } from '../fixtures';
import { sql, uniqueEmail } from '../helpers/db';
import { mailTo, signInLinkFor } from '../helpers/mail';
import { appUrl } from '../helpers/urls';

test('a new person signs in by magic link, saves settings, signs out and is kept out', async ({ page }) => {
  const email = uniqueEmail('newcomer');
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

  const link = await signInLinkFor(email);
  expect(link.startsWith(`${appUrl}/sign-in/confirm?`)).toBe(true);
  const [mail] = await mailTo(email);
  expect(mail.html).toContain('/sign-in/confirm?');
  expect(mail.from).toContain('letters@afterword.test');

  // Opening the link alone (as a mail scanner would) signs nobody in.
  await page.goto(link);
  await expect(page.getByText(`You are signing in as ${email}`)).toBeVisible();
  const [{ count: tokensBefore }] = await sql()`select count(*)::int as count from verification_tokens where identifier = ${email}`;
  expect(tokensBefore).toBe(1);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Full name').fill('Grace Hopper');
  await page.getByLabel('Closing and signature').fill('Kind regards,\nGrace');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Full name')).toHaveValue('Grace Hopper');
  await expect(page.getByRole('banner').getByText('Grace Hopper')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: /letters that move a job search/ })).toBeVisible();
  for (const path of ['/dashboard', '/applications', '/contacts', '/letters', '/settings']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('heading', { name: 'Sign in to Afterword' })).toBeVisible();
  }
  const [{ count: sessions }] = await sql()`select count(*)::int as count from sessions s join users u on u.id = s.user_id where u.email = ${email}`;
  expect(sessions).toBe(0);
});

test('a stale session cookie is not a session: pages check on the server', async ({ page, context }) => {
  await context.addCookies([{ name: 'authjs.session-token', value: 'forged', url: appUrl }]);
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('after sign-in, a person lands where they were going on this site, never elsewhere', async ({ page }) => {
  const email = uniqueEmail('callback');
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings/);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.goto(await signInLinkFor(email));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/settings$/);

  const other = uniqueEmail('offsite');
  await page.context().clearCookies();
  await page.goto('/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal');
  await page.getByLabel('Email address').fill(other);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const link = await signInLinkFor(other);
  expect(link).not.toContain('evil.example');
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${appUrl}/dashboard`);
});

test('a malformed address is refused next to its field and nothing is sent', async ({ page }) => {
  await page.goto('/sign-in');
  for (const [typed, message] of [
    ['ada＠example.com', /look-alike characters/],
    ['ada@example.com,eve@example.com', /one address only/],
    ['ada @example.com', /cannot contain spaces/],
  ] as const) {
    await page.getByLabel('Email address').fill(typed);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByText(message)).toBeVisible();
    await expect(page.getByLabel('Email address')).toHaveValue(typed);
    await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  }
  expect(await mailTo('ada@example.com')).toHaveLength(0);
});

test('a second request within a minute sends no second mail, and the page says the same', async ({ page }) => {
  const email = uniqueEmail('twice');
  for (let i = 0; i < 2; i++) {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  }
  await signInLinkFor(email);
  expect(await mailTo(email)).toHaveLength(1);
});
