import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { sql } from '../helpers/db';
import { seedApplication } from '../helpers/seed';

const csv = [
  'Company,Job Title,Status,Date Applied,URL,Notes',
  'Acme Rockets,Flight Engineer,Applied,2026-01-05,https://acme.example/jobs/1,"Referred by Grace, call back"',
  'Beta Labs,,Interviewing,,,',
  'Gamma,"=HYPERLINK(""https://evil.example"",""x"")",Wishlist,,,',
].join('\r\n');

const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

/** Screenshots for looking at the pages by eye, when asked for. */
async function snap(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

test('a CSV with one bad row: the preview names it by line, and the good rows import', async ({ page, user }) => {
  await page.goto('/applications/import');
  await expect(page.getByRole('heading', { name: 'Import applications' })).toBeVisible();
  await expectAccessible(page, 'empty import page');

  await page.getByLabel('CSV file').setInputFiles(file('my-search.csv', csv));
  await page.getByRole('button', { name: 'Preview import' }).click();

  await expect(page.getByRole('heading', { name: 'Preview of my-search.csv' })).toBeFocused();
  await expect(page.getByText('3 rows read: 2 ready to import, 1 row with problems. Nothing has been saved yet.')).toBeVisible();
  await expect(page.getByRole('heading', { name: '1 row will not be imported' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Line 3:' })).toHaveText('Line 3: Position is empty.');
  await expect(page.getByLabel('Column “Job Title”')).toHaveValue('position');
  await expect(page.getByLabel('Column “Status”')).toHaveValue('stage');
  const sample = page.getByRole('table');
  await expect(sample.getByRole('row')).toHaveCount(3);
  await expect(sample.getByRole('row', { name: /Acme Rockets/ })).toContainText('Applied');
  await expect(sample.getByRole('row', { name: /Gamma/ })).toContainText('=HYPERLINK');
  expect((await sql()`select count(*)::int as n from applications where user_id = ${user.id}`)[0].n).toBe(0);
  await expectAccessible(page, 'import preview');
  await snap(page, 'import-preview-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await snap(page, 'import-preview-phone');

  await page.getByRole('button', { name: 'Import 2 applications' }).click();
  await page.waitForURL('**/applications/table?imported=2');
  await expect(page.getByRole('status').filter({ hasText: '2 applications imported.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Flight Engineer' })).toBeVisible();
  const rows = await sql()`
    select c.name as company, a.position, a.stage, a.applied_on::text as applied_on, a.notes
    from applications a join companies c on c.id = a.company_id
    where a.user_id = ${user.id} order by c.name`;
  expect(rows).toEqual([
    { company: 'Acme Rockets', position: 'Flight Engineer', stage: 'applied', applied_on: '2026-01-05', notes: 'Referred by Grace, call back' },
    { company: 'Gamma', position: '=HYPERLINK("https://evil.example","x")', stage: 'wishlist', applied_on: null, notes: null },
  ]);
  const history = await sql()`select count(*)::int as n from stage_changes where user_id = ${user.id}`;
  expect(history[0].n).toBe(2);
});

test('choosing a column’s field by keyboard previews again at once', async ({ page, user }) => {
  await page.goto('/applications/import');
  await page.getByLabel('CSV file').setInputFiles(file('sheet.csv', 'Org,Job Title\nAcme,Engineer\nBeta,Designer\n'));
  await page.getByRole('button', { name: 'Preview import' }).click();
  await expect(page.getByText('2 rows read. Choose the columns below')).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('No column is set to Company');
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);

  await page.getByLabel('Column “Org”').focus();
  await page.getByLabel('Column “Org”').selectOption('company');
  await expect(page.getByRole('button', { name: 'Import 2 applications' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  // The preview is drawn afresh; the choice and the focus stay where the person left them.
  await expect(page.getByLabel('Column “Org”')).toHaveValue('company');
  await expect(page.getByLabel('Column “Org”')).toBeFocused();
  await page.getByRole('button', { name: 'Import 2 applications' }).press('Enter');
  await page.waitForURL('**/applications/table?imported=2');
  const [{ n }] = await sql()`select count(*)::int as n from applications where user_id = ${user.id}`;
  expect(n).toBe(2);
});

test('the CSV export downloads the person’s applications, formulas neutralised', async ({ page, user }) => {
  await seedApplication(user.id, { company: 'Acme Rockets', position: 'Flight Engineer', stage: 'applied' });
  await seedApplication(user.id, { company: '=HYPERLINK("https://evil.example")', position: '@SUM(1)' });
  const stranger = await sql()`insert into users (id, email) values (gen_random_uuid()::text, ${`s-${Date.now()}@example.com`}) returning id`;
  await seedApplication(stranger[0].id, { company: 'Not Yours Inc', position: 'Secret' });

  await page.goto('/settings');
  const downloading = page.waitForEvent('download');
  // The table page links here; it is owned elsewhere, so follow the link the browser would.
  await page.evaluate(() => {
    const link = Object.assign(document.createElement('a'), { href: '/applications/export', download: '' });
    document.body.append(link);
    link.click();
  });
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^afterword-applications-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await fs.readFile(await download.path(), 'utf8');
  expect(text).toContain('Company,Position,Stage,Date Applied');
  expect(text).toContain('Acme Rockets,Flight Engineer,Applied');
  expect(text).toContain(`"'=HYPERLINK(""https://evil.example"")",'@SUM(1),Wishlist`);
  expect(text).toMatch(/applied \d{4}-\d{2}-\d{2}/);
  expect(text).not.toContain('Not Yours');
});

test('settings offer all the person’s data as JSON', async ({ page, user }) => {
  await seedApplication(user.id, { company: 'Acme Rockets', position: 'Flight Engineer' });
  await page.goto('/settings');
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download all your data (JSON)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^afterword-export-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
  expect(data.profile.email).toBe(user.email);
  expect(data.applications).toMatchObject([{ position: 'Flight Engineer', userId: user.id }]);
  expect(JSON.stringify(data)).not.toContain(user.sessionToken);
});

test('the exports answer 401 to a request without a valid session', async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: { cookie: 'authjs.session-token=not-a-real-session' },
  });
  for (const path of ['/applications/export', '/settings/export']) {
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(401);
  }
  await anonymous.dispose();
});
