import AxeBuilder from '@axe-core/playwright';
import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { sql, uniqueEmail } from '../helpers/db';
import { mailTo } from '../helpers/mail';
import { linkContact, seedApplication, seedContact, seedInterview } from '../helpers/seed';

const IMPRESSION = 'How the whole team reviews every launch together, failures first.';
const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/** An application with Grace as its primary contact, who has an email address. */
async function applicationWithGrace(userId: string, options: { company?: string; stage?: string } = {}) {
  const application = await seedApplication(userId, { stage: options.stage ?? 'interviewing', company: options.company });
  const grace = await seedContact(userId, { name: 'Grace Hopper', email: uniqueEmail('grace') });
  await linkContact(userId, application.id, grace.id, { isPrimary: true });
  return { application, grace };
}

/** A letter as the app writes it, To one contact, at a chosen time. */
async function seedLetter(
  userId: string,
  options: { applicationId: string; contactId: string; email: string; kind: string; status: string; at: Date; subject: string },
) {
  const id = crypto.randomUUID();
  await sql()`insert into letters (id, user_id, kind, template_name, application_id, group_id, from_name, reply_to, subject, body,
      html, text, idempotency_key, status, status_changed_at, sent_at, created_at)
    values (${id}, ${userId}, ${options.kind}, 'Built-in', ${options.applicationId}, ${crypto.randomUUID()}, 'Ada Lovelace',
      'ada@example.com', ${options.subject}, 'Dear Grace,', '<p>Dear Grace,</p>', 'Dear Grace,', ${`afterword-letter-${id}`},
      ${options.status}, ${options.at}, ${options.at}, ${options.at})`;
  await sql()`insert into letter_recipients (user_id, letter_id, role, contact_id, name, email, created_at)
    values (${userId}, ${id}, 'to', ${options.contactId}, 'Grace Hopper', ${options.email}, ${options.at})`;
  // The contact's last letter, as the app keeps it (db/queries/last-letter.ts): follow-ups are read from it.
  await sql()`update contacts c set (last_letter_at, last_letter_id) = (
      select lr.created_at, lr.letter_id from letter_recipients lr join letters l on l.id = lr.letter_id
      where lr.contact_id = c.id and not l.is_test
        and l.status not in ('bounced', 'complained', 'failed', 'suppressed', 'needs_decision')
      order by lr.created_at desc limit 1)
    where c.user_id = ${userId} and c.id = ${options.contactId}`;
  return id;
}

const list = (page: Page, title: string) => page.getByRole('region', { name: new RegExp(`^${title}`) });

test('an interview yesterday: the thank-you is owed, sent from the dashboard in one click, and leaves the list', async ({
  page,
  user,
}) => {
  const { application, grace } = await applicationWithGrace(user.id);
  await seedInterview(user.id, application.id, { scheduledAt: daysAgo(1), impression: IMPRESSION, attendeeIds: [grace.id] });

  await page.goto('/dashboard');
  const owed = list(page, 'Thank-you owed');
  await expect(owed.getByRole('listitem')).toHaveCount(1);
  await expect(owed).toContainText('Flight Engineer at Acme Rockets');
  await expect(owed).toContainText('Interview yesterday');
  await expect(owed).toContainText('To Grace Hopper.');

  await owed.getByRole('button', { name: 'Send thank-you (Flight Engineer interview at Acme Rockets)' }).click();
  await expect(owed).toContainText('Nothing owed: every interview in the last 3 days has its thank-you.');
  await expect(owed.getByRole('listitem')).toHaveCount(0);

  const received = await mailTo(grace.email!);
  expect(received).toHaveLength(1);
  expect(received[0].text).toContain(IMPRESSION);
  await page.reload();
  await expect(list(page, 'Thank-you owed')).toContainText('Nothing owed');
});

test('a follow-up due is sent in one click to the person, who need not be the primary contact', async ({ page, user }) => {
  const { application } = await applicationWithGrace(user.id);
  const alan = await seedContact(user.id, { name: 'Alan Turing', email: uniqueEmail('alan') });
  await linkContact(user.id, application.id, alan.id);
  await seedInterview(user.id, application.id, { scheduledAt: daysAgo(60), impression: IMPRESSION, attendeeIds: [alan.id] });
  await sql()`update applications set stage_changed_at = ${daysAgo(90)} where id = ${application.id}`;
  await seedLetter(user.id, {
    applicationId: application.id,
    contactId: alan.id,
    email: alan.email!,
    kind: 'interview_thanks',
    status: 'delivered',
    at: daysAgo(50),
    subject: 'Thank you',
  });

  await page.goto('/dashboard');
  const followUps = list(page, 'Follow-ups due');
  await expect(followUps).toContainText('Alan Turing');
  await followUps.getByRole('button', { name: 'Send follow-up (Alan Turing)' }).click();
  await expect(followUps).toContainText('No follow-ups due.');
  expect(await mailTo(alan.email!)).toHaveLength(1);
});

test('follow-ups with a contact are turned off on their contact form', async ({ page, user }) => {
  const { application, grace } = await applicationWithGrace(user.id, { stage: 'ghosted' });
  await sql()`update applications set stage_changed_at = ${daysAgo(90)} where id = ${application.id}`;
  await seedLetter(user.id, {
    applicationId: application.id,
    contactId: grace.id,
    email: grace.email!,
    kind: 'interview_thanks',
    status: 'delivered',
    at: daysAgo(20),
    subject: 'Thank you',
  });

  await page.goto(`/contacts/${grace.id}/edit`);
  const cadence = page.getByLabel('Follow-up check-ins');
  await expect(cadence).toHaveValue('');
  await cadence.selectOption({ label: 'Every 2 weeks' });
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Grace Hopper', exact: true })).toBeVisible();
  await page.goto('/dashboard');
  await expect(list(page, 'Follow-ups due')).toContainText('Every 2 weeks: due 6 days ago.');

  await page.goto(`/contacts/${grace.id}/edit`);
  await expect(page.getByLabel('Follow-up check-ins')).toHaveValue('2');
  await page.getByLabel('Follow-up check-ins').selectOption({ label: 'Off: no follow-ups' });
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Grace Hopper', exact: true })).toBeVisible();
  await page.goto('/dashboard');
  await expect(list(page, 'Follow-ups due')).toContainText('No follow-ups due.');
});

test('a dismissed row leaves the list, focus returns to the list, and it stays gone', async ({ page, user }) => {
  const application = await seedApplication(user.id, { stage: 'applied', company: 'Quiet Quarries' });
  await sql()`update applications set last_activity_at = ${daysAgo(30)} where id = ${application.id}`;

  await page.goto('/dashboard');
  const quiet = list(page, 'Quiet for three weeks');
  await expect(quiet).toContainText('Flight Engineer at Quiet Quarries');
  await quiet.getByRole('button', { name: 'Dismiss (Flight Engineer at Quiet Quarries)' }).click();
  await expect(quiet).toContainText('Every application in play has had some activity');
  await expect(quiet.getByRole('heading', { name: /^Quiet for three weeks/ })).toBeFocused();
  await page.reload();
  await expect(list(page, 'Quiet for three weeks')).not.toContainText('Quiet Quarries');
});

test('a long list shows its first three, and Show more opens it', async ({ page, user }) => {
  for (let i = 1; i <= 7; i++) {
    const application = await seedApplication(user.id, { stage: 'applied', company: `Quiet Quarry ${i}` });
    await sql()`update applications set last_activity_at = ${daysAgo(30 + i)} where id = ${application.id}`;
  }

  await page.goto('/dashboard');
  const quiet = list(page, 'Quiet for three weeks');
  await expect(quiet.getByRole('listitem')).toHaveCount(3);
  await expect(quiet).toContainText('And 4 more');
  await quiet.getByRole('link', { name: 'Show more quiet for three weeks' }).click();
  await expect(page).toHaveURL(/more=quiet/);
  await expect(quiet.getByRole('listitem')).toHaveCount(7);
  await quiet.getByRole('link', { name: 'Show fewer quiet for three weeks' }).click();
  await expect(quiet.getByRole('listitem')).toHaveCount(3);
});

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} overflows sideways`).toBeLessThanOrEqual(0);
}

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 375, height: 812 },
]) {
  test(`the dashboard, empty and full, has no accessibility violations at ${viewport.width}px`, async ({ page, user }) => {
    test.slow();
    await page.setViewportSize(viewport);
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 2, name: 'What is due' })).toBeVisible();
    await expectAccessible(page, `empty at ${viewport.width}px`);

    // One row of every kind, with long names to see that nothing overflows on a phone.
    const ready = await applicationWithGrace(user.id, { company: 'Eckert–Mauchly Computer Corporation' });
    await seedInterview(user.id, ready.application.id, {
      scheduledAt: daysAgo(0.5),
      impression: IMPRESSION,
      attendeeIds: [ready.grace.id],
    });
    const blank = await applicationWithGrace(user.id, { company: 'Blank Balloons' });
    await seedInterview(user.id, blank.application.id, {
      scheduledAt: daysAgo(2),
      impression: null,
      attendeeIds: [blank.grace.id],
    });
    const rejected = await applicationWithGrace(user.id, { company: 'Rejecting Rockets', stage: 'rejected' });
    await seedInterview(user.id, rejected.application.id, {
      scheduledAt: daysAgo(12),
      impression: IMPRESSION,
      attendeeIds: [rejected.grace.id],
    });
    const old = await applicationWithGrace(user.id, { company: 'Quiet Quarries', stage: 'applied' });
    await sql()`update applications set last_activity_at = ${daysAgo(40)}, stage_changed_at = ${daysAgo(90)} where id = ${old.application.id}`;
    for (const [status, at, subject] of [
      ['delivered', daysAgo(50), 'Thank you for the interview'],
      ['bounced', daysAgo(1), 'Checking in from Ada Lovelace'],
    ] as const) {
      await seedLetter(user.id, {
        applicationId: old.application.id,
        contactId: old.grace.id,
        email: old.grace.email!,
        kind: 'follow_up',
        status,
        at,
        subject,
      });
    }
    await sql()`update applications set last_activity_at = ${daysAgo(40)} where id = ${old.application.id}`;

    await page.reload();
    for (const title of [
      'Thank-you owed',
      'Thank-you after a rejection',
      'Follow-ups due',
      'Letters that need you',
      'Quiet for three weeks',
    ]) {
      await expect(list(page, title).getByRole('listitem').first()).toBeVisible();
    }
    await expect(list(page, 'Thank-you owed')).toContainText('Missing what impressed you most');
    await expectAccessible(page, `full at ${viewport.width}px`);
    if (process.env.DUE_SHOTS)
      await page.screenshot({ path: `${process.env.DUE_SHOTS}/dashboard-${viewport.width}.png`, fullPage: true });
  });
}
