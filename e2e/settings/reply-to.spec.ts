import { expect, test } from '../fixtures';
import { seedUser, sql, uniqueEmail } from '../helpers/db';
import { mailTo } from '../helpers/mail';
import { appUrl } from '../helpers/urls';

/** Waits for the confirmation mail to `address` and returns the link in it. */
async function replyToLinkFor(address: string): Promise<string> {
  let text = '';
  await expect
    .poll(async () => {
      const [mail] = (await mailTo(address)).filter((m) => m.tags.some((t) => t.name === 'category' && t.value === 'reply_to_confirmation'));
      text = mail?.text ?? '';
      return text;
    })
    .toContain('/settings/reply-to?token=');
  return text.match(/https?:\/\/\S+\/settings\/reply-to\?token=[\w-]+/)![0];
}

async function replyToOf(userId: string): Promise<string | null> {
  const [row] = await sql()`select reply_to from users where id = ${userId}`;
  return row!.reply_to as string | null;
}

test('a new reply-to address waits for the link mailed to it, and is used once confirmed', async ({ page, user }) => {
  const address = uniqueEmail('replies');
  await page.goto('/settings');
  await page.getByLabel('Reply-to address').fill(address);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(`We sent a link to ${address}`).first()).toBeVisible();

  await page.reload();
  await expect(page.getByText(`Waiting for confirmation: we sent a link to ${address}.`)).toBeVisible();
  await expect(page.getByText(`Until you confirm it, replies go to ${user.email}.`)).toBeVisible();
  await expect(page.getByLabel('Reply-to address')).toHaveValue(address);
  expect(await replyToOf(user.id)).toBeNull();

  // Opening the link changes nothing: mail scanners open links too.
  const link = await replyToLinkFor(address);
  expect(link.startsWith(appUrl)).toBe(true);
  await page.goto(link);
  await expect(page.getByText(`Replies to your letters will go to ${address}`)).toBeVisible();
  expect(await replyToOf(user.id)).toBeNull();

  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText(`Confirmed: replies to your letters now go to ${address}.`)).toBeVisible();
  expect(await replyToOf(user.id)).toBe(address);

  await page.goto('/settings');
  await expect(page.getByLabel('Reply-to address')).toHaveValue(address);
  await expect(page.getByText('Waiting for confirmation')).toHaveCount(0);

  // The link worked once.
  await page.goto(link);
  await expect(page.getByText(/This link does not work/)).toBeVisible();
});

test('another account opening the link confirms nothing, and the link still works for its owner', async ({ page, user, browser }) => {
  const address = uniqueEmail('replies');
  await page.goto('/settings');
  await page.getByLabel('Reply-to address').fill(address);
  await page.getByRole('button', { name: 'Save settings' }).click();
  const link = await replyToLinkFor(address);

  const mallory = await seedUser({ name: 'Mallory' });
  const other = await browser.newContext();
  await other.addCookies([{ name: 'authjs.session-token', value: mallory.sessionToken, url: appUrl, httpOnly: true, sameSite: 'Lax' }]);
  const malloryPage = await other.newPage();
  await malloryPage.goto(link);
  await expect(malloryPage.getByText(/This link does not work/)).toBeVisible();
  await expect(malloryPage.getByRole('button', { name: 'Confirm' })).toHaveCount(0);
  await other.close();
  expect(await replyToOf(mallory.id)).toBeNull();
  expect(await replyToOf(user.id)).toBeNull();

  await page.goto(link);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText(`Confirmed: replies to your letters now go to ${address}.`)).toBeVisible();
  expect(await replyToOf(user.id)).toBe(address);
});

test('clearing the reply-to goes back to the sign-in address at once', async ({ page, user }) => {
  await sql()`update users set reply_to = 'confirmed@example.com' where id = ${user.id}`;
  await page.goto('/settings');
  await expect(page.getByLabel('Reply-to address')).toHaveValue('confirmed@example.com');
  await page.getByLabel('Reply-to address').fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  expect(await replyToOf(user.id)).toBeNull();
});
