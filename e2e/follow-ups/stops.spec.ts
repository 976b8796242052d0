import AxeBuilder from '@axe-core/playwright';
import crypto from 'node:crypto';
import { expect, test } from '../fixtures';
import { sql } from '../helpers/db';
import { mailTo } from '../helpers/mail';
import { appliedWithGrace } from './plans';

test('a scheduled automatic follow-up is cancelled when the application moves on, and the page says why', async ({ page, user }) => {
  await sql()`insert into follow_up_plans (user_id, plan, mode, first_wait_days, repeat_every_days, max_letters)
    values (${user.id}, 'after_applying', 'automatic', 7, 7, 1)`;
  const { application, grace } = await appliedWithGrace(user.id, 7);
  // The letter the job wrote for tomorrow morning, waiting for its time.
  const letterId = crypto.randomUUID();
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  await sql()`insert into letters (id, user_id, kind, template_name, application_id, group_id, from_name, reply_to, subject, body,
      html, text, idempotency_key, status, scheduled_for, next_attempt_at, automatic, plan, plan_step)
    values (${letterId}, ${user.id}, 'follow_up', 'Follow-up check-in', ${application.id}, ${crypto.randomUUID()}, 'Ada Lovelace',
      'ada@example.com', 'Checking in', 'Dear Grace,', '<p>Dear Grace,</p>', 'Dear Grace,', ${`afterword-letter-${letterId}`},
      'scheduled', ${tomorrow}, ${tomorrow}, true, 'after_applying', 1)`;
  await sql()`insert into letter_recipients (user_id, letter_id, role, contact_id, name, email, dedupe_key)
    values (${user.id}, ${letterId}, 'to', ${grace.id}, 'Grace Hopper', ${grace.email},
      ${`plan:${application.id}:after_applying:1:${grace.id}`})`;

  await page.goto(`/applications/${application.id}`);
  const plans = page.getByRole('region', { name: 'Follow-up plans' });
  await expect(plans).toContainText('Goes out');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // The stage form on the page: the board's own move.
  await page.getByLabel('Stage').selectOption('interviewing');
  await page.getByRole('button', { name: /^Move/ }).click();
  await expect(plans).toContainText('Stopped: moved to Interviewing');

  const [letter] = await sql()`select status, last_error from letters where id = ${letterId}`;
  expect(letter.status).toBe('cancelled');
  expect(letter.last_error).toContain('its follow-up plan stopped');
  expect(await mailTo(grace.email)).toHaveLength(0);
});

test('Ask: a due follow-up is one click on the dashboard, and Stop on the application takes it away', async ({ page, user }) => {
  const first = await appliedWithGrace(user.id, 9, 'Acme Rockets');
  const second = await appliedWithGrace(user.id, 9, 'Bolt Bikes');
  await page.goto('/dashboard');
  const list = page.getByRole('region', { name: /^Follow-up plans/ });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await list.getByRole('button', { name: 'Send follow-up (follow-up after applying, Flight Engineer at Acme Rockets)' }).click();
  await expect.poll(async () => (await mailTo(first.grace.email)).length, { timeout: 20_000 }).toBe(1);
  await expect(list.getByRole('listitem')).toHaveCount(1);

  await page.goto(`/applications/${second.application.id}`);
  const plans = page.getByRole('region', { name: 'Follow-up plans' });
  await expect(plans).toContainText('Due now · Ask');
  await plans.getByRole('button', { name: 'Stop the follow-up after applying' }).click();
  await expect(plans).toContainText('Stopped by you');
  await page.goto('/dashboard');
  await expect(page.getByRole('region', { name: /^Follow-up plans/ })).toContainText('Nothing due.');
  expect(await mailTo(second.grace.email)).toHaveLength(0);
});
