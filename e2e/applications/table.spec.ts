import { expect, test } from '../fixtures';
import { expectAccessibleAndFitting } from './board-scan';
import { sql } from '../helpers/db';
import { linkContact, seedApplication, seedContact } from '../helpers/seed';

const rowNames = (page: import('@playwright/test').Page) => page.getByRole('table').getByRole('rowheader');

test('search by a contact’s name, filter by stage, and move the selected rows together', async ({ page, user }) => {
  const acme = await seedApplication(user.id, { company: 'Acme Rockets', position: 'Flight Engineer', stage: 'applied' });
  const globex = await seedApplication(user.id, { company: 'Globex', position: 'Analyst', stage: 'applied' });
  await seedApplication(user.id, { company: 'Initech', position: 'Tester', stage: 'wishlist' });
  const grace = await seedContact(user.id, { name: 'Grace Hopper' });
  await linkContact(user.id, acme.id, grace.id, { isPrimary: true });

  await page.goto('/applications/table');
  await expect(rowNames(page)).toHaveCount(3);

  const search = page.getByRole('search', { name: 'Search and filter applications' });
  await search.getByLabel('Search').fill('hopper');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=hopper/);
  await expect(rowNames(page)).toHaveText([/Acme Rockets/]);

  await search.getByLabel('Search').fill('');
  await search.getByLabel('Stage').selectOption('applied');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/stage=applied/);
  await expect(rowNames(page)).toHaveCount(2);
  await expect(page.getByText('1–2 of 2 applications')).toBeVisible();

  await page.getByLabel('Select all on this page').check();
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByLabel('Move selected to').selectOption('interviewing');
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Moved' })).toHaveText('Moved 2 applications to Interviewing.');
  // They have left the "Applied" filter.
  await expect(page.getByRole('heading', { name: 'No applications match' })).toBeVisible();

  const stages = await sql()`select id, stage from applications where id in ${sql()([acme.id, globex.id])} order by id`;
  expect(stages.map((r) => r.stage)).toEqual(['interviewing', 'interviewing']);
  const moves = await sql()`select count(*)::int as n from stage_changes where application_id in ${sql()([acme.id, globex.id])} and to_stage = 'interviewing'`;
  expect(moves[0].n).toBe(2);
});

test('archive selected rows, find them under “Archived only”, and sort by company', async ({ page, user }) => {
  await seedApplication(user.id, { company: 'Beta Ltd', position: 'One' });
  await seedApplication(user.id, { company: 'alpha inc', position: 'Two' });
  await seedApplication(user.id, { company: 'Gamma', position: 'Three' });
  await page.goto('/applications/table?sort=company');
  await expect(rowNames(page)).toHaveText([/alpha inc/, /Beta Ltd/, /Gamma/]);
  await page.getByRole('columnheader', { name: /Application/ }).getByRole('link').click();
  await expect(rowNames(page)).toHaveText([/Gamma/, /Beta Ltd/, /alpha inc/]);
  await expect(page.getByRole('columnheader', { name: /Application/ })).toHaveAttribute('aria-sort', 'descending');

  await page.getByLabel('Select Gamma — Three').check();
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Archived' })).toHaveText('Archived 1 application.');
  await expect(rowNames(page)).toHaveCount(2);

  await page.getByLabel('Show').selectOption('only');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(rowNames(page)).toHaveText([/Gamma/]);
  await expect(page.getByRole('table')).toContainText('Archived');
});

test('pages of 25 with a total, and a friendly answer past the end', async ({ page, user }) => {
  const [{ id: companyId }] = await sql()`insert into companies (user_id, name) values (${user.id}, 'Bulk Co') returning id`;
  await sql()`insert into applications (user_id, company_id, position)
    select ${user.id}, ${companyId}, 'Role ' || lpad(n::text, 2, '0') from generate_series(1, 27) as n`;
  await page.goto('/applications/table?sort=company');
  await expect(rowNames(page)).toHaveCount(25);
  await expect(page.getByText('1–25 of 27 applications · page 1 of 2')).toBeVisible();
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rowNames(page)).toHaveCount(2);
  await page.goto('/applications/table?page=9');
  await expect(page.getByRole('heading', { name: 'There is no page 9' })).toBeVisible();
  await page.goto('/applications/table?page=abc&sort=nonsense&stage=hired');
  await expect(rowNames(page)).toHaveCount(25);
  expect((await page.goto('/applications/table?q=%00Bulk'))?.status()).toBe(200);
  await expect(page.getByText('1–25 of 27 applications · page 1 of 2')).toBeVisible();
});

test('the table passes an accessibility scan, and fits a phone', async ({ page, user }) => {
  test.slow(); // six pages through axe
  const { id } = await seedApplication(user.id, { company: 'Averyveryverylongcompanynamewithoutanyspaces', position: 'Engineer', stage: 'offer' });
  const grace = await seedContact(user.id, { name: 'Grace Hopper' });
  await linkContact(user.id, id, grace.id, { isPrimary: true });
  await seedApplication(user.id, { company: 'Globex', position: 'Analyst', archived: true });
  await expectAccessibleAndFitting(page, ['/applications/table', '/applications/table?archived=all&sort=stage', '/applications/table?q=zzz']);
});
