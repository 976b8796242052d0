import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures';
import { sql, uniqueEmail } from '../helpers/db';
import { mailTo } from '../helpers/mail';
import { linkContact, seedApplication, seedContact, seedInterview } from '../helpers/seed';

/** An interview yesterday with Grace, the primary contact: a thank-you ready to send with one click. */
async function thankYouReady(userId: string, undoSeconds: number) {
  await sql()`update users set undo_seconds = ${undoSeconds} where id = ${userId}`;
  const application = await seedApplication(userId, { stage: 'interviewing' });
  const email = uniqueEmail('grace');
  const grace = { ...(await seedContact(userId, { name: 'Grace Hopper', email })), email };
  await linkContact(userId, application.id, grace.id, { isPrimary: true });
  await seedInterview(userId, application.id, { impression: 'the launch reviews', attendeeIds: [grace.id] });
  return { application, grace };
}

test('undo in time: nothing is sent, and the thank-you can be sent again', async ({ page, user }) => {
  const { application, grace } = await thankYouReady(user.id, 30);
  await page.goto(`/applications/${application.id}`);

  const letter = page.getByRole('region', { name: 'Thank-you letter' });
  await letter.getByRole('button', { name: 'Send thank-you' }).click();
  await expect(letter.getByText(/Sending to grace-.*@example\.com in \d+ s/)).toBeVisible();
  // The countdown is where the letter was sent from; the bar at the foot of the page does not repeat it.
  await expect(page.getByRole('complementary', { name: 'Letters about to leave' })).toHaveCount(0);

  const undo = letter.getByRole('button', { name: 'Undo' });
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(letter.getByRole('status').filter({ hasText: 'Cancelled: nothing was sent.' })).toBeVisible();

  const [row] = await sql()`select status from letters where user_id = ${user.id}`;
  expect(row.status).toBe('cancelled');
  expect(await mailTo(grace.email)).toHaveLength(0);
  await page.reload();
  await expect(letter).toContainText('Cancelled');
  await expect(letter.getByRole('button', { name: 'Send again' })).toBeVisible();
});

test('the countdown follows the person to another page, and the letter leaves by itself', async ({ page, user }) => {
  const { application, grace } = await thankYouReady(user.id, 10);
  await page.goto(`/applications/${application.id}`);
  await page.getByRole('region', { name: 'Thank-you letter' }).getByRole('button', { name: 'Send thank-you' }).click();
  await expect(page.getByText(/in \d+ s/)).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Letters' }).click();
  await expect(page).toHaveURL(/\/letters$/);
  const bar = page.getByRole('complementary', { name: 'Letters about to leave' });
  await expect(bar.getByRole('button', { name: 'Undo' })).toBeVisible();

  // Nobody waits on the page for it: the queue sends it at its time.
  await expect.poll(async () => (await mailTo(grace.email)).length, { timeout: 20_000 }).toBe(1);
  await expect(bar.getByText('On its way to')).toBeVisible();
  await expect.poll(async () => (await sql()`select status from letters where user_id = ${user.id}`)[0].status).toBe('sent');
});

test('undo from another tab stops it, and a late undo says it has already gone', async ({ page, context, user }) => {
  const { application, grace } = await thankYouReady(user.id, 60);
  await page.goto(`/applications/${application.id}`);
  await page.getByRole('region', { name: 'Thank-you letter' }).getByRole('button', { name: 'Send thank-you' }).click();
  await expect(page.getByText(/in \d+ s/)).toBeVisible();

  const other = await context.newPage();
  await other.setViewportSize({ width: 375, height: 800 });
  await other.goto('/dashboard');
  const bar = other.getByRole('complementary', { name: 'Letters about to leave' });
  await expect(bar).toContainText('Sending to Grace Hopper');
  const axe = await new AxeBuilder({ page: other }).include('aside').analyze();
  expect(axe.violations).toEqual([]);
  await bar.getByRole('button', { name: 'Undo' }).click();
  await expect(bar.getByRole('status').filter({ hasText: 'Cancelled: nothing was sent.' })).toBeVisible();

  // The first tab still shows its Undo: pressing it now is told the truth.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'It was already cancelled: nothing was sent.' })).toBeVisible();
  expect(await mailTo(grace.email)).toHaveLength(0);

  // Once a letter has left, Undo is too late.
  await sql()`update users set undo_seconds = 60 where id = ${user.id}`;
  await page.reload();
  await page.getByRole('region', { name: 'Thank-you letter' }).getByRole('button', { name: 'Send again' }).click();
  await expect(page.getByText(/in \d+ s/)).toBeVisible();
  // A sender takes it a moment before the undo arrives (as a claim does, in one statement).
  await sql()`update letters set status = 'queued', claimed_until = now() + interval '2 minutes'
    where user_id = ${user.id} and status = 'scheduled'`;
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'It has already gone' })).toBeVisible();
});
