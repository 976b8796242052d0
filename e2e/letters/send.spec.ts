import { signWebhook } from '../../tests/resend-server/webhook-signing';
import { expect, test } from '../fixtures';
import { sql, uniqueEmail } from '../helpers/db';
import { mailTo } from '../helpers/mail';
import { linkContact, seedApplication, seedContact, seedInterview } from '../helpers/seed';
import { appUrl, inboundDomain, webhookSecret } from '../helpers/urls';

const IMPRESSION = 'How the whole team reviews every launch together, failures first.';

test('one click after an interview with three people sends one letter: To the primary, CC the others', async ({ page, user }) => {
  const application = await seedApplication(user.id, { stage: 'applied' });
  const people = [
    { name: 'Grace Hopper', email: uniqueEmail('grace') },
    { name: 'Alan Turing', email: uniqueEmail('alan') },
    { name: 'Katherine Johnson', email: uniqueEmail('katherine') },
  ];

  await page.goto(`/applications/${application.id}/interviews/new`);
  await page.getByLabel('Date and time').fill('2026-11-24T14:30');
  await page.getByLabel('Round').selectOption({ label: 'On-site' });
  for (const [i, person] of people.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add a new person' }).click();
    const group = page.getByRole('group', { name: `New person ${i + 1}` });
    await group.getByLabel('Name').fill(person.name);
    await group.getByLabel('Email').fill(person.email);
  }
  await page.getByRole('group', { name: 'New person 1' }).getByRole('radio', { name: 'Primary contact: new person 1' }).check();
  await page.getByLabel('What impressed you most?').fill(IMPRESSION);
  await page.getByRole('button', { name: 'Save interview' }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${application.id}#interviews$`));

  const letter = page.getByRole('region', { name: 'Thank-you letter' });
  await expect(letter).toContainText('To Grace Hopper, with a copy to Alan Turing, Katherine Johnson.');
  // The click's request is held a moment, so its pending state shows however fast the server answers.
  await page.route(`**/applications/${application.id}`, async (route) => {
    if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.continue();
  });
  await letter.getByRole('button', { name: 'Send thank-you' }).click();
  await expect(letter.getByRole('button', { name: 'Sending…' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Sent to ${people[0].email}.` })).toBeVisible();

  const received = await mailTo(people[0].email);
  expect(received).toHaveLength(1);
  const [email] = received;
  expect(email.cc.sort()).toEqual([people[1].email, people[2].email].sort());
  // The person's own address, and the signed one that brings a reply back to Afterword.
  expect(email.replyTo).toEqual([user.email, expect.stringMatching(new RegExp(`^reply\\+[0-9a-f]+@${inboundDomain.replaceAll('.', '\\.')}$`))]);
  expect(email.from).toBe('"Ada Lovelace via Afterword" <letters@afterword.test>');
  for (const part of [email.html!, email.text!]) {
    expect(part).toContain(IMPRESSION);
    expect(part).not.toMatch(/\{\{|\}\}/);
  }
  for (const person of people.slice(1)) expect(await mailTo(person.email)).toHaveLength(0);

  // The timeline gains the letter, and the interview shows it instead of the button.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Thank you for the Flight Engineer interview');
  await expect(page.getByRole('button', { name: 'Send thank-you' })).toHaveCount(0);

  // A signed "delivered" webhook from Resend: the letter shows delivered.
  const [row] = await sql()`select id from letters where user_id = ${user.id} and is_test = false`;
  const delivered = signWebhook({
    secret: webhookSecret,
    payload: {
      type: 'email.delivered',
      created_at: new Date().toISOString(),
      data: { email_id: email.id, created_at: new Date().toISOString(), to: [people[0].email], subject: email.subject, tags: { letter_id: row.id } },
    },
  });
  const response = await fetch(`${appUrl}/api/webhooks/resend`, { method: 'POST', headers: delivered.headers, body: delivered.body });
  expect(response.status).toBe(200);
  await page.goto(`/letters/${row.id}`);
  await expect(page.getByText('Delivered', { exact: true }).first()).toBeVisible();
});

test('after a rejection each person met gets their own letter', async ({ page, user }) => {
  const application = await seedApplication(user.id, { stage: 'rejected' });
  const grace = await seedContact(user.id, { name: 'Grace Hopper', email: uniqueEmail('grace') });
  const alan = await seedContact(user.id, { name: 'Alan Turing', email: uniqueEmail('alan') });
  await linkContact(user.id, application.id, grace.id, { isPrimary: true });
  await linkContact(user.id, application.id, alan.id);
  await seedInterview(user.id, application.id, { impression: IMPRESSION, attendeeIds: [grace.id, alan.id] });

  await page.goto(`/applications/${application.id}`);
  const section = page.getByRole('region', { name: 'Thank-you after the rejection' });
  await expect(section).toContainText('One letter each to Alan Turing, Grace Hopper.');
  await expect(section.getByLabel('A separate letter to each person')).toBeChecked();
  await section.getByRole('button', { name: 'Send thank-you letters' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sent 2 letters' })).toBeVisible();

  for (const person of [grace, alan]) {
    const received = await mailTo(person.email!);
    expect(received).toHaveLength(1);
    expect(received[0].cc).toEqual([]);
    expect(received[0].text).toContain(`Dear ${person.name.split(' ')[0]},`);
    expect(received[0].text).toContain(IMPRESSION);
  }
});

test('a letter that cannot be sent yet says what is missing and where to fill it in', async ({ page, user }) => {
  const application = await seedApplication(user.id, { stage: 'interviewing' });
  const grace = await seedContact(user.id, { name: 'Grace Hopper', email: uniqueEmail('grace') });
  await linkContact(user.id, application.id, grace.id, { isPrimary: true });
  const interview = await seedInterview(user.id, application.id, { impression: null, attendeeIds: [grace.id] });

  await page.goto(`/applications/${application.id}`);
  const letter = page.getByRole('region', { name: 'Thank-you letter' });
  await letter.getByRole('button', { name: 'Send thank-you' }).click();
  await expect(letter).toContainText('Missing what impressed you most');
  await letter.getByRole('link', { name: 'Fill it in' }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${application.id}/interviews/${interview.id}/edit$`));
  expect(await mailTo(grace.email!)).toHaveLength(0);
});
