import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { sql, uniqueEmail } from '../helpers/db';
import { signInLinkFor } from '../helpers/mail';

async function requestLink(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  return signInLinkFor(email);
}

async function expectRefused(page: Page) {
  await expect(page).toHaveURL(/\/sign-in\/error\?error=Verification/);
  await expect(page.getByRole('heading', { name: 'This sign-in link can’t be used' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
}

test('a link works once: the second use is refused', async ({ page, context }) => {
  const link = await requestLink(page, uniqueEmail('reuse'));
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await context.clearCookies();
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectRefused(page);
});

test('an expired link is refused', async ({ page }) => {
  const email = uniqueEmail('expired');
  const link = await requestLink(page, email);
  await sql()`update verification_tokens set expires = now() - interval '1 second' where identifier = ${email}`;
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectRefused(page);
});

test('a link used with another address is refused, and the real owner’s link survives', async ({ page }) => {
  const owner = uniqueEmail('owner');
  const link = await requestLink(page, owner);
  const forged = new URL(link);
  forged.searchParams.set('email', uniqueEmail('intruder'));
  await page.goto(forged.toString());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectRefused(page);
  const [{ count }] = await sql()`select count(*)::int as count from users where email = ${forged.searchParams.get('email')}`;
  expect(count).toBe(0);
});

test('a link lives at most 15 minutes', async ({ page }) => {
  const email = uniqueEmail('lifetime');
  await requestLink(page, email);
  const [{ minutes }] = await sql()`select extract(epoch from (expires - now())) / 60 as minutes from verification_tokens where identifier = ${email}`;
  expect(Number(minutes)).toBeGreaterThan(13);
  expect(Number(minutes)).toBeLessThanOrEqual(15);
});
