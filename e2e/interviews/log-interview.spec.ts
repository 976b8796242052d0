import { expect, test } from '../fixtures';
import { sql } from '../helpers/db';
import { seedApplication, seedContact } from '../helpers/seed';

const IMPRESSION = 'How the whole team reviews every launch together, failures first.';

test('logging an interview with an existing contact and a new person moves the application to Interviewing', async ({ page, user }) => {
  const application = await seedApplication(user.id, { stage: 'applied' });
  await seedContact(user.id, { name: 'Grace Hopper', email: 'grace@navy.example' });

  await page.goto(`/applications/${application.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Flight Engineer' })).toBeVisible();
  await expect(page.getByLabel('Stage')).toHaveValue('applied');
  await page.getByRole('link', { name: 'Log an interview' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log an interview' })).toBeVisible();

  await page.getByLabel('Date and time').fill('2026-03-14T14:30');
  await page.getByLabel('Time zone').selectOption('Europe/Berlin');
  await page.getByLabel('Round').selectOption({ label: 'On-site' });
  await page.getByLabel('Location or link').fill('1 Rocket Road, Hawthorne');

  // The existing contact, found through the picker's search.
  await page.getByLabel('Find someone in your contacts').fill('grace');
  await expect(page.getByRole('status').filter({ hasText: '1 matching contact.' })).toBeVisible();
  await page.getByRole('button', { name: 'Add Grace Hopper' }).click();
  await expect(page.getByRole('radio', { name: 'Primary contact: Grace Hopper' })).toBeVisible();

  // The new person, typed inline, made primary.
  const newPerson = page.getByRole('group', { name: 'New person 1' });
  await newPerson.getByLabel('Name').fill('Alan Turing');
  await newPerson.getByLabel('Email').fill('alan@bletchley.example');
  await newPerson.getByRole('radio', { name: 'Primary contact: new person 1' }).check();
  await page.getByLabel('What impressed you most?').fill(IMPRESSION);
  await page.getByRole('button', { name: 'Save interview' }).click();

  await expect(page).toHaveURL(new RegExp(`/applications/${application.id}#interviews$`));
  const interviews = page.getByRole('region', { name: 'Interviews' });
  await expect(interviews.getByRole('heading', { name: 'On-site' })).toBeVisible();
  await expect(interviews.getByText('Sat, Mar 14, 2026, 2:30 PM GMT+1', { exact: true })).toBeVisible();
  await expect(interviews.getByText(IMPRESSION)).toBeVisible();
  await expect(interviews.getByText('With: Alan Turing, Grace Hopper')).toBeVisible();

  const contacts = page.getByRole('region', { name: 'Contacts' });
  const alan = contacts.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Alan Turing' }) });
  const grace = contacts.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Grace Hopper' }) });
  await expect(alan.getByText('Primary contact', { exact: true })).toBeVisible();
  await expect(grace).toBeVisible();
  await expect(grace.getByText('Primary contact', { exact: true })).toHaveCount(0);

  await expect(page.getByLabel('Stage')).toHaveValue('interviewing');

  const timeline = page.getByRole('region', { name: 'Timeline' }).getByRole('listitem');
  await expect(timeline.nth(0)).toContainText('Applied → Interviewing');
  await expect(timeline.nth(1)).toContainText('Interview logged: On-site, Sat, Mar 14, 2026, 2:30 PM GMT+1, with 2 people');
  await expect(timeline.last()).toContainText('Added Flight Engineer');

  // What the app wrote, checked where it lives.
  const [interview] = await sql()`select scheduled_at, time_zone, impression from interviews where user_id = ${user.id}`;
  expect(interview.scheduled_at.toISOString()).toBe('2026-03-14T13:30:00.000Z');
  expect(interview.time_zone).toBe('Europe/Berlin');
  const links = await sql()`
    select c.name, ac.is_primary, ac.role from application_contacts ac join contacts c on c.id = ac.contact_id
    where ac.user_id = ${user.id} order by c.name`;
  expect(links.map((l) => [l.name, l.is_primary, l.role])).toEqual([
    ['Alan Turing', true, 'interviewer'],
    ['Grace Hopper', false, 'interviewer'],
  ]);
});

test('a validation error keeps everything typed, the people included', async ({ page, user }) => {
  const application = await seedApplication(user.id, { stage: 'applied' });
  await seedContact(user.id, { name: 'Grace Hopper', email: 'grace@navy.example' });

  await page.goto(`/applications/${application.id}/interviews/new`);
  await page.getByLabel('Date and time').fill('2026-03-14T09:00');
  await page.getByLabel('Time zone').selectOption('America/New_York');
  await page.getByLabel('Round').selectOption({ label: 'Panel' });
  await page.getByLabel('Location or link').fill('https://meet.example/launch');
  await page.getByRole('button', { name: 'Add Grace Hopper' }).click();
  const first = page.getByRole('group', { name: 'New person 1' });
  await first.getByLabel('Name').fill('Alan Turing');
  await first.getByLabel('Email').fill('alan-at-bletchley');
  await page.getByRole('button', { name: 'Add a new person' }).click();
  const second = page.getByRole('group', { name: 'New person 2' });
  await expect(second.getByLabel('Name')).toBeFocused();
  await second.getByLabel('Name').fill('Katherine Johnson');
  await second.getByLabel('Email').fill('katherine@nasa.example');
  await second.getByRole('radio', { name: 'Primary contact: new person 2' }).check();
  await page.getByLabel('What impressed you most?').fill(IMPRESSION);
  await page.getByLabel('Notes').fill('Bring the telemetry sketches.');
  await page.getByRole('button', { name: 'Save interview' }).click();

  await expect(first.getByText('Enter an address like name@example.com.')).toBeVisible();
  await expect(first.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Date and time')).toHaveValue('2026-03-14T09:00');
  await expect(page.getByLabel('Time zone')).toHaveValue('America/New_York');
  await expect(page.getByLabel('Round')).toHaveValue('panel');
  await expect(page.getByLabel('Location or link')).toHaveValue('https://meet.example/launch');
  await expect(page.getByRole('radio', { name: 'Primary contact: Grace Hopper' })).not.toBeChecked();
  await expect(first.getByLabel('Name')).toHaveValue('Alan Turing');
  await expect(first.getByLabel('Email')).toHaveValue('alan-at-bletchley');
  await expect(second.getByLabel('Name')).toHaveValue('Katherine Johnson');
  await expect(second.getByLabel('Email')).toHaveValue('katherine@nasa.example');
  await expect(second.getByRole('radio', { name: 'Primary contact: new person 2' })).toBeChecked();
  await expect(page.getByLabel('What impressed you most?')).toHaveValue(IMPRESSION);
  await expect(page.getByLabel('Notes')).toHaveValue('Bring the telemetry sketches.');
  expect(await sql()`select id from interviews where user_id = ${user.id}`).toHaveLength(0);

  // Fixing the one field saves it all.
  await first.getByLabel('Email').fill('alan@bletchley.example');
  await page.getByRole('button', { name: 'Save interview' }).click();
  await expect(page.getByRole('region', { name: 'Interviews' }).getByText('With: Alan Turing, Grace Hopper, Katherine Johnson')).toBeVisible();
  const contacts = page.getByRole('region', { name: 'Contacts' });
  await expect(
    contacts.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Katherine Johnson' }) }).getByText('Primary contact', { exact: true }),
  ).toBeVisible();
});

test('the impression can be added later, from the prompt on the application', async ({ page, user }) => {
  const application = await seedApplication(user.id, { stage: 'interviewing' });

  await page.goto(`/applications/${application.id}/interviews/new`);
  await page.getByLabel('Date and time').fill('2026-01-05T10:00');
  await page.getByRole('group', { name: 'New person 1' }).getByRole('button', { name: 'Remove new person 1' }).click();
  await page.getByRole('button', { name: 'Save interview' }).click();

  const interviews = page.getByRole('region', { name: 'Interviews' });
  const prompt = interviews.getByText('What impressed you most?');
  await expect(prompt).toContainText('it makes the thank-you letter personal');
  await interviews.getByRole('link', { name: /^Add it/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit interview' })).toBeVisible();
  await expect(page.getByLabel('Date and time')).toHaveValue('2026-01-05T10:00');
  await page.getByLabel('What impressed you most?').fill('Their patience with my questions.');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(interviews.getByText('Their patience with my questions.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first()).toContainText('Interview updated');
  await expect(page.getByLabel('Stage')).toHaveValue('interviewing');
});
