import { PgBoss } from 'pg-boss';
import { expect, test } from '../fixtures';
import { sql } from '../helpers/db';
import { mailTo } from '../helpers/mail';
import { linkContact, seedApplication, seedContact, seedInterview } from '../helpers/seed';
import { appUrl } from '../helpers/urls';

/**
 * Runs the digest job now instead of waiting for its 5-minute schedule: a
 * job on its queue, as pg-boss's cron would put there. The running app's
 * worker takes it within seconds.
 */
async function runDigestJob() {
  const boss = new PgBoss({ connectionString: process.env.E2E_DATABASE_URL!, max: 1 });
  await boss.start();
  try {
    await boss.send('digest', {});
  } finally {
    await boss.stop({ graceful: false });
  }
}

test('the morning digest arrives with the thank-you already written, and its Send link sends only when the button is pressed', async ({
  page,
  user,
}) => {
  // Their digest at 00:00 UTC: whenever this runs, today's time has come.
  await sql()`update users set digest_minute = 0, time_zone = 'UTC', signature = 'Warm regards,
Ada' where id = ${user.id}`;
  const application = await seedApplication(user.id, { company: 'Digest Rockets', stage: 'interviewing' });
  const grace = await seedContact(user.id, { name: 'Grace Hopper' });
  await linkContact(user.id, application.id, grace.id, { isPrimary: true });
  const interview = await seedInterview(user.id, application.id, {
    scheduledAt: new Date(Date.now() - 5 * 3_600_000),
    impression: 'how the team reviews every launch together',
    attendeeIds: [grace.id],
  });

  await runDigestJob();
  let text = '';
  await expect
    .poll(
      async () => {
        const [mail] = (await mailTo(user.email)).filter((m) => m.tags.some((t) => t.name === 'category' && t.value === 'digest'));
        if (mail) {
          expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
          expect(mail.headers['List-Unsubscribe']).toContain(`${appUrl}/api/digest/unsubscribe?token=`);
        }
        text = mail?.text ?? '';
        return text;
      },
      { timeout: 30_000 },
    )
    .toContain('Dear Grace,');
  expect(text).toContain('hours left of the 24 after the interview');
  const link = text.match(/https?:\/\/\S+\/digest\/send\/[\w-]+/)![0];

  // Opening the link (as a mail scanner would) shows the letter and sends nothing.
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Send this letter' })).toBeVisible();
  await expect(page.getByText('Dear Grace,')).toBeVisible();
  const lettersFor = () => sql()`select id, status from letters where user_id = ${user.id} and interview_id = ${interview.id}`;
  expect(await lettersFor()).toHaveLength(0);

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page).toHaveURL(/\/letters\/[0-9a-f-]{36}$/);
  await expect.poll(async () => (await lettersFor()).length).toBe(1);

  // Used once: the same link is now not found.
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Link not found' })).toBeVisible();
  expect(await lettersFor()).toHaveLength(1);
});
