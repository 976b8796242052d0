import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { expectAccessibleAndFitting } from './board-scan';
import { sql } from '../helpers/db';
import { linkContact, seedApplication, seedContact } from '../helpers/seed';

const column = (page: Page, stage: string) => page.getByRole('region', { name: new RegExp(`^${stage}\\b`) });
const card = (page: Page, name: string | RegExp) => page.getByRole('article', { name });

async function history(applicationId: string) {
  return sql()`select from_stage, to_stage from stage_changes where application_id = ${applicationId} order by changed_at, created_at`;
}

test('a person adds an application, finds it in Wishlist, and drags it to Applied', async ({ page, user }) => {
  expect(user.id).toBeTruthy();
  await page.goto('/applications');
  await expect(page.getByRole('heading', { name: 'No applications yet' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Add an application' }).first().click();

  await page.getByLabel('Company').fill('Acme Rockets');
  await page.getByLabel('Position').fill('Flight Engineer');
  await page.getByLabel('Job link').fill('https://acme.example/jobs/42');
  await page.getByRole('button', { name: 'Add application' }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;

  await page.goto('/applications');
  const acme = card(page, /Acme Rockets/);
  await expect(column(page, 'Wishlist').getByRole('article')).toHaveCount(1);
  await expect(column(page, 'Wishlist')).toContainText('Acme Rockets');
  await expect(acme).toContainText('Moved today');

  await acme.dragTo(column(page, 'Applied'));
  await expect(page.getByRole('status').filter({ hasText: 'Moved' })).toHaveText('Moved Acme Rockets — Flight Engineer to Applied.');
  await expect(column(page, 'Applied')).toContainText('Acme Rockets');

  await page.reload();
  await expect(column(page, 'Applied').getByRole('article', { name: /Acme Rockets/ })).toBeVisible();
  await expect(column(page, 'Wishlist').getByRole('article')).toHaveCount(0);
  expect(await history(id)).toEqual([
    { from_stage: null, to_stage: 'wishlist' },
    { from_stage: 'wishlist', to_stage: 'applied' },
  ]);
});

test('the same move by keyboard alone: pick up, arrow right, drop', async ({ page, user }) => {
  const { id } = await seedApplication(user.id, { company: 'Acme Rockets', position: 'Flight Engineer' });
  await page.goto('/applications');
  const handle = page.getByRole('button', { name: 'Pick up Acme Rockets — Flight Engineer' });
  // Reach it by Tab, as a keyboard user would.
  for (let i = 0; i < 40 && !(await handle.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(handle).toBeFocused();

  await page.keyboard.press('Space');
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(column(page, 'Applied')).toHaveClass(/ring-accent/);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status').filter({ hasText: 'Moved' })).toHaveText('Moved Acme Rockets — Flight Engineer to Applied.');
  await expect(column(page, 'Applied')).toContainText('Acme Rockets');
  // Focus follows the card to its new column.
  await expect(page.getByRole('button', { name: 'Pick up Acme Rockets — Flight Engineer' })).toBeFocused();
  await expect.poll(() => history(id)).toEqual([
    { from_stage: null, to_stage: 'wishlist' },
    { from_stage: 'wishlist', to_stage: 'applied' },
  ]);

  // Escape puts a picked-up card down where it was.
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(page.getByText(/Move cancelled/)).toBeAttached();
  await page.reload();
  await expect(column(page, 'Applied')).toContainText('Acme Rockets');
});

test('the Move to… menu moves a card, even to a folded ending', async ({ page, user }) => {
  const { id } = await seedApplication(user.id, { company: 'Globex', position: 'Analyst', stage: 'interviewing' });
  await page.goto('/applications');
  await page.getByRole('button', { name: /Move to… \(Globex — Analyst\)/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Move Globex — Analyst to…' });
  await expect(dialog.getByRole('button', { name: 'Interviewing (now)' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Rejected' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Moved' })).toHaveText('Moved Globex — Analyst to Rejected.');
  await expect(column(page, 'Interviewing').getByRole('article')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Rejected 1 application' })).toBeVisible();
  await expect.poll(async () => (await sql()`select stage from applications where id = ${id}`)[0].stage).toBe('rejected');

  await page.getByRole('link', { name: 'Show ended stages as columns' }).click();
  await expect(page).toHaveURL(/show=ended/);
  await expect(column(page, 'Rejected')).toContainText('Globex');
});

test('a move that cannot be saved goes back and says why', async ({ page, user }) => {
  const { id } = await seedApplication(user.id, { company: 'Initech', position: 'Tester' });
  await page.goto('/applications');
  await expect(card(page, /Initech/)).toBeVisible();
  await sql()`delete from applications where id = ${id}`;
  await card(page, /Initech/).dragTo(column(page, 'Offer'));
  await expect(page.getByRole('status').filter({ hasText: 'Could not move' })).toHaveText(
    'Could not move Initech — Tester: That application could not be found. It may have been deleted. It is back in Wishlist.',
  );
});

test('cards show the primary contact; archived ones stay hidden until asked for', async ({ page, user }) => {
  const { id } = await seedApplication(user.id, { company: 'Acme Rockets', position: 'Flight Engineer', stage: 'applied' });
  const grace = await seedContact(user.id, { name: 'Grace Hopper' });
  await linkContact(user.id, id, grace.id, { isPrimary: true });
  await seedApplication(user.id, { company: 'Old Corp', position: 'Archivist', archived: true });
  await page.goto('/applications');
  await expect(card(page, /Acme Rockets/)).toContainText('Grace Hopper');
  await expect(card(page, /Old Corp/)).toHaveCount(0);
  await page.getByRole('link', { name: 'Show archived (1)' }).click();
  await expect(card(page, /Old Corp/)).toContainText('Archived');
});

test('the board, and the add form, pass an accessibility scan on a desktop and on a phone', async ({ page, user }) => {
  test.slow(); // six pages through axe
  for (let i = 0; i < 3; i++) await seedApplication(user.id, { company: `Company ${i}`, position: 'A rather long position title to wrap', stage: ['wishlist', 'applied', 'offer'][i] });
  await expectAccessibleAndFitting(page, ['/applications', '/applications?show=ended,archived', '/applications/new']);
});

test('a long column shows its first ten, loads more on demand, and a loaded card moves like any other', async ({ page, user }) => {
  for (let i = 1; i <= 12; i++) {
    const { id } = await seedApplication(user.id, { company: `Company ${i}`, position: 'Analyst' });
    await sql()`update applications set stage_changed_at = now() - ${i} * interval '1 hour' where id = ${id}`;
  }
  await page.goto('/applications');
  const wishlist = column(page, 'Wishlist');
  await expect(wishlist.getByRole('article')).toHaveCount(10);
  await expect(wishlist).toContainText('The 10 most recently moved of 12.');
  await expect(card(page, /Company 11\b/)).toHaveCount(0);

  await wishlist.getByRole('button', { name: 'Show more in Wishlist' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 12 of 12 in Wishlist.');
  await expect(wishlist.getByRole('article')).toHaveCount(12);
  await expect(wishlist.getByRole('article').last()).toHaveAccessibleName(/Company 12/);
  await expect(wishlist.getByRole('button', { name: /Show more/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Move to… (Company 12 — Analyst)' }).click();
  await page.getByRole('dialog', { name: 'Move Company 12 — Analyst to…' }).getByRole('button', { name: 'Applied' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Moved' })).toHaveText('Moved Company 12 — Analyst to Applied.');
  await expect(column(page, 'Applied').getByRole('article', { name: /Company 12/ })).toHaveCount(1);
  await expect(wishlist.getByRole('article', { name: /Company 12/ })).toHaveCount(0);
  await expect(wishlist.getByRole('article')).toHaveCount(11);
});
