import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { instantToWallTime } from '../../lib/time/zoned-time';
import { expect, test } from '../fixtures';
import { makeDueNow, sql, uniqueEmail } from '../helpers/db';
import { mailTo } from '../helpers/mail';
import { linkContact, seedApplication, seedContact, seedInterview } from '../helpers/seed';

const IMPRESSION = 'How the whole team reviews every launch together, failures first.';
const DAY_MS = 24 * 3600 * 1000;

// The person reads the page in Berlin; the interview's people are in New York.
test.use({ timezoneId: 'Europe/Berlin' });

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).exclude('iframe').analyze();
  expect(results.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} overflows sideways`).toBeLessThanOrEqual(0);
}

/** The person's own zone and no undo window: these letters leave when they are scheduled to, not ten seconds after. */
async function setUpPerson(userId: string) {
  await sql()`update users set time_zone = 'Europe/Berlin', undo_seconds = 0 where id = ${userId}`;
}


test('a letter scheduled for a date and time waits, is refused a past time, then leaves at its time', async ({ page, user }) => {
  test.setTimeout(150_000);
  await setUpPerson(user.id);
  const application = await seedApplication(user.id, { stage: 'interviewing' });
  const grace = await seedContact(user.id, { name: 'Grace Hopper', email: uniqueEmail('grace') });
  await linkContact(user.id, application.id, grace.id, { isPrimary: true });
  const interview = await seedInterview(user.id, application.id, { impression: IMPRESSION, attendeeIds: [grace.id] });
  await sql()`update interviews set time_zone = 'America/New_York' where id = ${interview.id}`;

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/letters/new?occasion=interview_thanks&interviewId=${interview.id}`);
  await page.locator('summary', { hasText: 'Send later…' }).click();
  const morning = page.getByRole('group', { name: 'Tomorrow morning their time' });
  // 08:30 in New York is 14:30 in Berlin (or 13:30 in the weeks the two switch clocks apart).
  await expect(morning).toContainText(/08:30 in New York \(1[34]:30 your time\)/);
  await expectAccessible(page, 'send later, 375 px');

  const when = page.getByLabel('Date and time');
  await page.getByLabel('Time zone').selectOption('America/New_York');
  const past = instantToWallTime(new Date(Date.now() - DAY_MS), 'America/New_York');
  await when.fill(past);
  await page.getByRole('button', { name: 'Schedule for this time' }).click();
  await expect(when).toHaveAccessibleDescription(/That time has passed/);
  await expect(when).toHaveValue(past);
  await expect(page.getByLabel('Time zone')).toHaveValue('America/New_York');

  const at = new Date(Math.ceil((Date.now() + 2 * DAY_MS) / 60_000) * 60_000);
  await when.fill(instantToWallTime(at, 'America/New_York'));
  await expect(page.getByText(/^Leaves .* in New York \(.* your time\)\.$/)).toBeVisible();
  await page.getByRole('button', { name: 'Schedule for this time' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The letter is scheduled.' })).toBeVisible();
  await expect(page.getByText(/^It leaves .* in New York/)).toBeVisible();
  await page.getByRole('link', { name: 'View the letter' }).click();

  const [letter] = await sql()`select id, status, scheduled_for from letters where user_id = ${user.id}`;
  expect(letter.status).toBe('scheduled');
  expect(new Date(letter.scheduled_for).getTime()).toBe(at.getTime());
  await expect(page).toHaveURL(new RegExp(`/letters/${letter.id}$`));
  await expect(page.getByText(/^Leaves .* in New York/)).toBeVisible();
  expect(await mailTo(grace.email!)).toHaveLength(0);

  await makeDueNow(letter.id);
  await expect.poll(async () => (await mailTo(grace.email!)).length, { timeout: 100_000, intervals: [1000] }).toBe(1);
  const [mail] = await mailTo(grace.email!);
  expect(mail.text).toContain(IMPRESSION);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Status' }).getByText('Sent', { exact: true })).toBeVisible();
});

test('scheduled letters on /letters: moved to another time, one already gone, one cancelled', async ({ page, user }) => {
  await setUpPerson(user.id);
  const application = await seedApplication(user.id, { stage: 'rejected' });
  const grace = await seedContact(user.id, { name: 'Grace Hopper', email: uniqueEmail('grace') });
  const alan = await seedContact(user.id, { name: 'Alan Turing', email: uniqueEmail('alan') });
  await linkContact(user.id, application.id, grace.id, { isPrimary: true });
  await linkContact(user.id, application.id, alan.id);
  const interview = await seedInterview(user.id, application.id, { impression: IMPRESSION, attendeeIds: [grace.id, alan.id] });
  await sql()`update interviews set time_zone = 'Europe/Berlin' where id = ${interview.id}`;

  // Tomorrow morning their time, for both (one letter each after a rejection).
  await page.goto(`/letters/new?occasion=rejection_thanks&applicationId=${application.id}`);
  await page.locator('summary', { hasText: 'Send later…' }).click();
  await page.getByRole('button', { name: 'Send tomorrow morning' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 letters are scheduled.' })).toBeVisible();

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/letters');
  const scheduled = page.getByRole('region', { name: 'Scheduled' });
  await expect(scheduled.getByRole('listitem')).toHaveCount(2);
  // They and the person are both in Berlin: one reading.
  await expect(scheduled.getByRole('listitem').first()).toContainText(/Leaves .*, 08:30 your time\./);
  const graceRow = scheduled.getByRole('listitem').filter({ hasText: 'To Grace Hopper' });
  await graceRow.locator('summary', { hasText: 'Reschedule…' }).click();
  await expectAccessible(page, 'scheduled list, 375 px');

  const at = new Date(Math.ceil((Date.now() + 3 * DAY_MS) / 60_000) * 60_000);
  await graceRow.getByLabel('Date and time').fill(instantToWallTime(at, 'Europe/Berlin'));
  await graceRow.getByRole('button', { name: 'Move to this time' }).click();
  await expect(graceRow.getByRole('status').filter({ hasText: 'Rescheduled.' })).toBeVisible();
  const [moved] = await sql()`select l.id, l.scheduled_for from letters l join letter_recipients r on r.letter_id = l.id
    where l.user_id = ${user.id} and r.email = ${grace.email}`;
  expect(new Date(moved.scheduled_for).getTime()).toBe(at.getTime());

  // A sender takes Grace's letter a moment before the click: too late to stop.
  await sql()`update letters set status = 'queued' where id = ${moved.id}`;
  await graceRow.getByRole('button', { name: /Cancel it/ }).click();
  await expect(scheduled.getByRole('status').filter({ hasText: 'It has already gone' })).toBeVisible();

  const alanRow = scheduled.getByRole('listitem').filter({ hasText: 'To Alan Turing' });
  await alanRow.getByRole('button', { name: /Cancel it/ }).click();
  await expect(scheduled.getByRole('status').filter({ hasText: 'Cancelled: nothing was sent.' })).toBeVisible();
  await expect(scheduled).toContainText('Nothing else is scheduled.');
  const [cancelled] = await sql()`select l.id, l.status from letters l join letter_recipients r on r.letter_id = l.id
    where l.user_id = ${user.id} and r.email = ${alan.email}`;
  expect(cancelled.status).toBe('cancelled');
  expect(await mailTo(alan.email!)).toHaveLength(0);

  await page.goto(`/letters/${cancelled.id}`);
  await expect(page.getByText('Stopped before it left. Nothing reached Resend.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Write it again' })).toHaveAttribute(
    'href',
    `/letters/new?occasion=rejection_thanks&applicationId=${application.id}`,
  );
  await page.goto(`/applications/${application.id}`);
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Letter cancelled before it left');
});
