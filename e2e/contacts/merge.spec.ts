import { expect, test } from '../fixtures';
import { sql } from '../helpers/db';
import { linkContact, seedApplication, seedContact, seedInterview } from '../helpers/seed';

test('two duplicate contacts are merged and every link ends up on the one kept', async ({ page, user }) => {
  const grace = await seedContact(user.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
  const duplicate = await seedContact(user.id, { name: 'G. Hopper', email: 'g.hopper@navy.example', title: 'Rear Admiral' });
  await seedContact(user.id, { name: 'Alan Kay', email: 'alan@parc.example' });
  const navy = await seedApplication(user.id, { company: 'Navy', position: 'Programmer' });
  const univac = await seedApplication(user.id, { company: 'Univac', position: 'Engineer' });
  await linkContact(user.id, navy.id, duplicate.id, { role: 'hiring_manager', isPrimary: true });
  await linkContact(user.id, univac.id, grace.id, { role: 'interviewer' });
  await linkContact(user.id, univac.id, duplicate.id, { role: 'recruiter' });
  await seedInterview(user.id, univac.id, { kind: 'onsite', attendeeIds: [grace.id, duplicate.id] });
  await seedInterview(user.id, navy.id, { kind: 'phone_screen', attendeeIds: [duplicate.id] });

  await page.goto(`/contacts/${grace.id}`);
  await page.getByRole('link', { name: 'Merge with…' }).click();
  await expect(page.getByRole('heading', { name: 'Merge Grace Hopper with…' })).toBeVisible();
  // The likely duplicate comes first, with the reason.
  const firstCandidate = page.getByRole('main').getByRole('listitem').first();
  await expect(firstCandidate).toContainText('G. Hopper');
  await expect(firstCandidate).toContainText('Same email domain');
  await page.getByLabel('Filter contacts').fill('hopper');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByRole('link', { name: /^Choose/ })).toHaveCount(1);
  await page.getByRole('link', { name: 'Choose G. Hopper (g.hopper@navy.example)' }).click();

  await expect(page.getByRole('heading', { name: 'Merge G. Hopper into Grace Hopper' })).toBeVisible();
  await expect(page.getByText('Navy — Programmer: Hiring manager, primary contact')).toBeVisible();
  await expect(page.getByText('Univac — Engineer: Recruiter (both were linked: one link stays)')).toBeVisible();
  await expect(page.getByText('Grace Hopper gains: title.')).toBeVisible();
  await page.getByRole('button', { name: 'Merge contacts' }).click();

  await expect(page).toHaveURL(new RegExp(`/contacts/${grace.id}\\?merged=1$`));
  await expect(page.getByRole('status').filter({ hasText: 'Contacts merged.' })).toBeVisible();
  const applications = page.getByRole('region', { name: /Applications/ });
  await expect(applications.getByRole('link', { name: 'Navy — Programmer' })).toHaveAttribute('href', `/applications/${navy.id}`);
  await expect(applications.getByRole('link', { name: 'Univac — Engineer' })).toBeVisible();
  await expect(applications.getByText('Primary contact')).toHaveCount(1);
  const interviews = page.getByRole('region', { name: /Interviews/ });
  await expect(interviews.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByText('Merged with G. Hopper (g.hopper@navy.example)')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Details' }).getByText('Rear Admiral')).toBeVisible();

  const left = await sql()`select id from contacts where user_id = ${user.id} and name like '%Hopper%'`;
  expect(left.map((r) => r.id)).toEqual([grace.id]);
  const links = await sql()`select application_id, role, is_primary from application_contacts where contact_id = ${grace.id} order by is_primary desc`;
  expect(links.map((r) => ({ ...r }))).toEqual([
    { application_id: navy.id, role: 'hiring_manager', is_primary: true },
    { application_id: univac.id, role: 'recruiter', is_primary: false },
  ]);
  const [{ count }] = await sql()`select count(*)::int as count from interview_attendees where contact_id = ${grace.id}`;
  expect(count).toBe(2);
});
