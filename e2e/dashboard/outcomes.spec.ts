import crypto from 'node:crypto';
import { signWebhook } from '../../tests/resend-server/webhook-signing';
import { expect, test } from '../fixtures';
import { sql } from '../helpers/db';
import { seedApplication } from '../helpers/seed';
import { appUrl, webhookSecret } from '../helpers/urls';

/** A letter Resend accepted an hour ago, as the sender leaves it. */
async function seedSentLetter(userId: string, applicationId: string) {
  const id = crypto.randomUUID();
  const resendId = crypto.randomUUID();
  await sql()`insert into letters (id, user_id, kind, template_name, application_id, group_id, from_name, reply_to,
      subject, body, html, text, idempotency_key, status, resend_id, sent_at, created_at)
    values (${id}, ${userId}, 'interview_thanks', 'Thank-you after an interview', ${applicationId}, ${crypto.randomUUID()},
      'Ada Lovelace', 'ada@example.com', 'Thank you', 'Dear Grace,', '<p>Dear Grace,</p>', 'Dear Grace,',
      ${`afterword-letter-${id}`}, 'sent', ${resendId}, now() - interval '1 hour', now() - interval '1 hour')`;
  await sql()`insert into letter_recipients (user_id, letter_id, role, name, email)
    values (${userId}, ${id}, 'to', 'Grace Hopper', 'grace@acme.example')`;
  return { id, resendId };
}

test('a signed "delivered" webhook changes the dashboard’s letter figures', async ({ page, user }) => {
  const application = await seedApplication(user.id, { stage: 'interviewing' });
  const letter = await seedSentLetter(user.id, application.id);

  await page.goto('/dashboard');
  const letters = page.getByRole('region', { name: 'Letters', exact: true });
  const delivered = letters.getByRole('definition').first();
  await expect(letters.getByRole('term').first()).toHaveText('Delivered / sent');
  await expect(delivered).toHaveText('0 of 1, 0%');

  const webhook = signWebhook({
    secret: webhookSecret,
    payload: {
      type: 'email.delivered',
      created_at: new Date().toISOString(),
      data: { email_id: letter.resendId, created_at: new Date().toISOString(), to: ['grace@acme.example'], tags: { letter_id: letter.id } },
    },
  });
  const response = await fetch(`${appUrl}/api/webhooks/resend`, { method: 'POST', headers: webhook.headers, body: webhook.body });
  expect(response.status).toBe(200);

  await page.reload();
  await expect(delivered).toHaveText('1 of 1, 100%');
});
