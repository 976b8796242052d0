import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures';
import { makeDueNow, sql } from '../helpers/db';
import { mailTo } from '../helpers/mail';
import { appliedWithGrace, runFollowUpJobNow, zoneInWorkingHours } from './plans';

test('Automatic: the follow-up after applying is written by itself and leaves inside working hours', async ({ page, user }) => {
  // A zone where it is a working hour now, if there is one; at the weekend everywhere, the letter waits for Monday.
  await sql()`update users set time_zone = ${zoneInWorkingHours() ?? 'UTC'} where id = ${user.id}`;
  const { application, grace } = await appliedWithGrace(user.id, 8);

  // The person turns Automatic on in Settings; nothing is automatic until then.
  await page.goto('/settings');
  const plan = page.getByRole('group', { name: 'Follow-up after applying' });
  await expect(plan.getByRole('radio', { name: /^Ask/ })).toBeChecked();
  await plan.getByRole('radio', { name: /^Automatic/ }).check();
  await page.getByRole('button', { name: 'Save follow-up plans' }).click();
  await expect(page.getByText('Follow-up plans saved.')).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await runFollowUpJobNow();
  const written = () => sql()`select id, status, automatic, plan, plan_step from letters where user_id = ${user.id}`;
  await expect.poll(async () => (await written()).length, { timeout: 30_000 }).toBe(1);
  const [letter] = await written();
  expect(letter).toMatchObject({ automatic: true, plan: 'after_applying', plan_step: 1 });
  // Until it leaves it can be seen and stopped: Letters lists it as automatic.
  if (letter.status === 'scheduled') {
    await page.goto('/letters');
    await expect(page.getByRole('region', { name: 'Scheduled' })).toContainText('unless you stop it');
    // Its working hour may be Monday's: the clock is moved on to it.
    await makeDueNow(letter.id);
  }
  await expect.poll(async () => (await mailTo(grace.email)).length, { timeout: 60_000 }).toBe(1);
  const [mail] = await mailTo(grace.email);
  expect(mail.text).toContain('Dear Grace,');
  const letters = await sql()`select status, automatic, plan, plan_step from letters where user_id = ${user.id}`;
  expect(letters).toHaveLength(1);
  expect(letters[0]).toMatchObject({ automatic: true, plan: 'after_applying', plan_step: 1 });

  // Once written, another run writes nothing more.
  await runFollowUpJobNow();
  await page.goto(`/applications/${application.id}`);
  const plans = page.getByRole('region', { name: 'Follow-up plans' });
  await expect(plans).toContainText(/Follow-up after applying\s*Sent /);
  expect(await sql()`select id from letters where user_id = ${user.id}`).toHaveLength(1);
});
