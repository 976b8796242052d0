import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures';

test('the signed-in shell has every section with an honest empty state', async ({ page, user }) => {
  await page.goto('/dashboard');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [name, heading] of [
    ['Applications', 'No applications yet'],
    ['Contacts', 'No contacts yet'],
    ['Letters', 'No letters yet'],
    ['Dashboard', 'What is due'],
  ]) {
    await nav.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    await expect(nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
  }
  await expect(page.getByText('Nothing is due today.')).toBeVisible();
  await expect(page.getByRole('banner').getByText(user.name!)).toBeVisible();
  // The outbox exists only in local-outbox mode; this server sends through Resend.
  await expect(nav.getByRole('link', { name: 'Outbox' })).toHaveCount(0);
  expect((await page.goto('/outbox'))?.status()).toBe(404);
});

test('settings keep what was typed and show each error next to its field', async ({ page, user }) => {
  await page.goto('/settings');
  await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
  await page.getByLabel('Full name').fill('');
  await page.getByLabel('Closing and signature').fill('Warmly,\nAda');
  await page.getByLabel('Reply-to address').fill('ada@example');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#field-name-error')).toHaveText(/Enter your name/);
  await expect(page.locator('#field-replyTo-error')).toHaveText(/must be a domain/);
  await expect(page.getByLabel('Closing and signature')).toHaveValue('Warmly,\nAda');
  await expect(page.getByLabel('Reply-to address')).toHaveValue('ada@example');
  await expect(page.getByLabel('Full name')).toHaveAttribute('aria-describedby', 'field-name-error');
});

test('an unknown route shows the styled 404', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This page isn’t here' })).toBeVisible();
});

test('the main pages have no accessibility violations, on a desktop and on a phone', async ({ page, user }) => {
  // Six page loads, each scanned by axe: past 30 s when the other worker is busy too.
  test.slow();
  expect(user.email).toContain('@');
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    for (const path of ['/dashboard', '/settings', '/applications']) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${path}: ${v.id}`)).toEqual([]);
    }
    // Nothing overflows sideways on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
});

test('signed-out pages are accessible too', async ({ page }) => {
  for (const path of ['/', '/sign-in', '/sign-in/check-email', '/sign-in/error?error=Verification']) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${path}: ${v.id}`)).toEqual([]);
  }
});
