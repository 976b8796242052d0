import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { linkContact, seedApplication, seedContact, seedInterview } from '../helpers/seed';

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  // Nothing runs off the side of a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} overflows sideways`).toBeLessThanOrEqual(0);
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`the contact pages have no accessibility violations at ${viewport.width}px`, async ({ page, user }) => {
    test.slow();
    await page.setViewportSize(viewport);
    // Long values, to see that nothing overflows on a phone.
    const grace = await seedContact(user.id, {
      name: 'Grace Brewster Murray Hopper',
      email: 'grace.brewster.murray.hopper@navy.example',
      title: 'Rear Admiral, United States Navy Reserve',
    });
    const duplicate = await seedContact(user.id, { name: 'Grace Hopper', email: 'hopper@navy.example' });
    const app = await seedApplication(user.id, {
      company: 'Eckert–Mauchly Computer Corporation',
      position: 'Senior Mathematician and Programmer',
    });
    await linkContact(user.id, app.id, grace.id, { role: 'hiring_manager', isPrimary: true });
    await linkContact(user.id, app.id, duplicate.id, { role: 'recruiter' });
    await seedInterview(user.id, app.id, { kind: 'panel', attendeeIds: [grace.id, duplicate.id] });

    for (const [path, heading] of [
      ['/contacts', 'Contacts'],
      ['/contacts?q=nobody', 'Contacts'],
      [`/contacts/${grace.id}`, grace.name],
      [`/contacts/${grace.id}/edit`, `Edit ${grace.name}`],
      ['/contacts/new', 'Add a contact'],
      [`/contacts/${grace.id}/merge`, `Merge ${grace.name} with…`],
      [`/contacts/${grace.id}/merge/${duplicate.id}`, `Merge ${duplicate.name} into ${grace.name}`],
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectAccessible(page, `${path} at ${viewport.width}px`);
      if (process.env.CONTACTS_SHOTS) {
        const file = `${viewport.width}px${path.replace(/[/?=]/g, '_')}.png`;
        await page.screenshot({ path: `${process.env.CONTACTS_SHOTS}/${file}`, fullPage: true });
      }
    }

    // The form with its errors showing, and the delete dialog open.
    await page.goto('/contacts/new');
    await page.getByLabel('Email', { exact: true }).fill('not an email');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await expect(page.locator('#field-name-error')).toHaveText('Enter name.');
    await expectAccessible(page, `/contacts/new with errors at ${viewport.width}px`);
    await page.goto(`/contacts/${grace.id}`);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByRole('dialog', { name: `Delete ${grace.name}?` })).toBeVisible();
    await expectAccessible(page, `delete dialog at ${viewport.width}px`);
  });
}

test('a contact can be added with the keyboard alone', async ({ page, user }) => {
  expect(user.id).toBeTruthy();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/contacts/new');
  await page.getByLabel('Name', { exact: true }).focus();
  await page.keyboard.type('Katherine Johnson');
  await page.keyboard.press('Tab');
  await page.keyboard.type('katherine@nasa.example');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Mathematician');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Katherine Johnson' })).toBeVisible();
  await expect(page.getByText('katherine@nasa.example')).toBeVisible();
});
