import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { receiveEmail } from '../../tests/resend-server/client';
import { expect, test } from '../fixtures';
import { sql, uniqueEmail } from '../helpers/db';
import { mailTo } from '../helpers/mail';
import { linkContact, seedApplication, seedContact, seedInterview } from '../helpers/seed';
import { appUrl, inboundDomain, mailServerUrl, webhookSecret } from '../helpers/urls';

const DAY = 24 * 3600 * 1000;
const list = (page: Page, title: string) => page.getByRole('region', { name: new RegExp(`^${title}`) });

test('a thank-you goes out, Ana answers with a rejection, one click moves the application, and her follow-up is gone', async ({ page, user }) => {
  const application = await seedApplication(user.id, { stage: 'interviewing' });
  const ana = await seedContact(user.id, { name: 'Ana Lima', email: uniqueEmail('ana') });
  await linkContact(user.id, application.id, ana.id, { isPrimary: true });
  await seedInterview(user.id, application.id, { scheduledAt: new Date(Date.now() - DAY), attendeeIds: [ana.id], impression: 'How the team reviews every launch together.' });

  // The thank-you leaves from the dashboard, naming the person's own address and the letter's signed reply address.
  await page.goto('/dashboard');
  await list(page, 'Thank-you owed').getByRole('button', { name: /^Send thank-you/ }).click();
  await expect.poll(async () => (await mailTo(ana.email!)).length).toBe(1);
  const [thankYou] = await mailTo(ana.email!);
  const replyAddress = thankYou.replyTo.find((address) => address.endsWith(`@${inboundDomain}`));
  expect(thankYou.replyTo[0]).toBe(user.email);
  expect(replyAddress).toMatch(/^reply\+[0-9a-f]{56}@/);

  // Weeks pass without a word: a follow-up with Ana comes due.
  await sql()`update contacts set last_letter_at = last_letter_at - interval '7 weeks' where id = ${ana.id}`;
  await sql()`update applications set stage_changed_at = now() - interval '8 weeks' where id = ${application.id}`;
  await sql()`update interviews set scheduled_at = scheduled_at - interval '8 weeks' where application_id = ${application.id}`;
  await page.reload();
  await expect(list(page, 'Follow-ups due')).toContainText('Ana Lima');

  // Then Ana answers; Resend receives it and tells the app, which reads it back from the receiving API.
  const { delivery } = await receiveEmail(
    mailServerUrl,
    {
      from: `Ana Lima <${ana.email}>`,
      to: [replyAddress!],
      subject: `Re: ${thankYou.subject}`,
      text: `Thank you for your note. Unfortunately we have decided to move forward with another candidate.\n\nOn Mon, Ada wrote:\n> ${(thankYou.text ?? "").split('\n')[0]}`,
      html: '<p>Thank you for your note. Unfortunately we have decided to move forward with another candidate.</p>',
    },
    { deliver: { url: `${appUrl}/api/webhooks/resend`, secret: webhookSecret } },
  );
  expect(delivery?.status).toBe(200);

  const replies = list(page, 'Replies');
  await expect
    .poll(async () => {
      await page.reload();
      return replies.getByRole('listitem').count();
    })
    .toBe(1);
  await expect(replies).toContainText(/Ana Lima replied, \d+ (min|h) after the letter/);
  await expect(replies).toContainText('Unfortunately we have decided to move forward with another candidate.');
  await expect(replies).not.toContainText('On Mon, Ada wrote');
  await expect(list(page, 'Follow-ups due')).not.toContainText('Ana Lima');
  expect((await new AxeBuilder({ page }).include('#main').analyze()).violations).toEqual([]);

  // The reply as sent, in its sandboxed frame.
  await replies.getByText('The reply as sent').click();
  await expect(page.frameLocator('iframe[title^="The reply from Ana Lima"]').getByText('Unfortunately we have decided')).toBeVisible();

  await replies.getByRole('button', { name: 'Move to Rejected (reply from Ana Lima)' }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${application.id}$`));
  await expect(page.getByLabel('Stage')).toHaveValue('rejected');
  const [{ stage }] = await sql()`select stage from applications where id = ${application.id}`;
  expect(stage).toBe('rejected');

  await page.goto('/dashboard');
  await expect(list(page, 'Replies')).toContainText('No replies waiting');
  await expect(list(page, 'Thank-you after a rejection')).toContainText('Ana Lima');
});

test('the reply is on its letter’s page at phone width, with the step still to take', async ({ page, user }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const application = await seedApplication(user.id, { stage: 'applied' });
  const ana = await seedContact(user.id, { name: 'Ana Lima', email: uniqueEmail('ana') });
  await linkContact(user.id, application.id, ana.id, { isPrimary: true });
  await seedInterview(user.id, application.id, { scheduledAt: new Date(Date.now() - DAY), attendeeIds: [ana.id], impression: 'How the team reviews every launch together.' });
  await page.goto('/dashboard');
  await list(page, 'Thank-you owed').getByRole('button', { name: /^Send thank-you/ }).click();
  await expect.poll(async () => (await mailTo(ana.email!)).length).toBe(1);
  const [thankYou] = await mailTo(ana.email!);
  const replyAddress = thankYou.replyTo.find((address) => address.endsWith(`@${inboundDomain}`))!;

  await receiveEmail(
    mailServerUrl,
    { from: ana.email!, to: [replyAddress], subject: 'Re: thanks', text: 'Could we set up a time for a second interview next week?' },
    { deliver: { url: `${appUrl}/api/webhooks/resend`, secret: webhookSecret } },
  );
  const [{ id: letterId }] = await sql()`select id from letters where user_id = ${user.id}`;
  await expect
    .poll(async () => {
      await page.goto(`/letters/${letterId}`);
      return page.getByRole('region', { name: 'Reply' }).count();
    })
    .toBe(1);
  const reply = page.getByRole('region', { name: 'Reply' });
  await expect(reply).toContainText('Could we set up a time for a second interview next week?');
  await reply.getByRole('button', { name: /^Move to Interviewing and log the interview/ }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${application.id}/interviews/new$`));
  const [{ stage }] = await sql()`select stage from applications where id = ${application.id}`;
  expect(stage).toBe('interviewing');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
