import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { activities, applications, companies, stageChanges } from '@/db/schema';
import type { ImportRow } from '@/lib/csv/import-plan';
import { createApplication } from '@/server/applications/create-application';
import { importApplications } from '@/server/applications/import-applications';
import { setupTestDatabase } from '../support/database';
import { applicationsOf, seedPerson } from './import-helpers';

const database = setupTestDatabase();

const row = (company: string, position: string, extra: Partial<ImportRow> = {}): ImportRow => ({
  company,
  position,
  jobUrl: null,
  location: null,
  source: null,
  appliedOn: null,
  notes: null,
  ...extra,
});

/** What a person sees of an application and its first moments, without ids and times. */
async function shapeOf(applicationId: string) {
  const [application] = await database.db.select().from(applications).where(eq(applications.id, applicationId));
  const history = await database.db.select().from(stageChanges).where(eq(stageChanges.applicationId, applicationId));
  const events = await database.db.select().from(activities).where(eq(activities.applicationId, applicationId));
  return {
    application: { stage: application.stage, appliedOn: application.appliedOn, archived: application.archived, position: application.position },
    history: history.map((h) => ({ from: h.fromStage, to: h.toStage, sameTime: h.changedAt.getTime() === application.stageChangedAt.getTime() })),
    events: events.map((e) => ({ kind: e.kind, detail: e.detail, sameTime: e.occurredAt.getTime() === application.lastActivityAt.getTime() })),
  };
}

describe('importApplications', () => {
  it('gives each application what one added by hand gets: history and a timeline event', async () => {
    const person = await seedPerson(database.db, 'ada');
    const byHand = await createApplication(person.id, { ...row('Acme', 'Engineer'), appliedOn: '2026-01-05' });
    const byHandShape = await shapeOf(byHand.id);
    await database.db.delete(applications).where(eq(applications.id, byHand.id));

    expect(await importApplications(person.id, [row('Acme', 'Engineer', { appliedOn: '2026-01-05' })])).toBe(1);
    const [imported] = await database.db.select().from(applications).where(eq(applications.userId, person.id));
    expect(await shapeOf(imported.id)).toEqual(byHandShape);
    expect(byHandShape.application.stage).toBe('applied');
  });

  it('reuses the person’s companies in any case, and leaves another person’s alone', async () => {
    const ada = await seedPerson(database.db, 'ada');
    const grace = await seedPerson(database.db, 'grace');
    await createApplication(ada.id, row('Acme Rockets', 'Pilot'));
    await createApplication(grace.id, row('Acme Rockets', 'Admiral'));
    await importApplications(ada.id, [row('ACME ROCKETS', 'Engineer'), row('  acme rockets ', 'Designer'), row('Beta', 'Writer', { stage: 'offer' })]);

    const adas = await database.db.select().from(companies).where(eq(companies.userId, ada.id));
    expect(adas.map((c) => c.name).sort()).toEqual(['Acme Rockets', 'Beta']);
    const rows = await applicationsOf(database.db, ada.id);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.filter((r) => r.company === 'Acme Rockets').map((r) => r.companyId)).size).toBe(1);
    expect(rows.find((r) => r.position === 'Writer')?.stage).toBe('offer');
    expect(await applicationsOf(database.db, grace.id)).toMatchObject([{ company: 'Acme Rockets', position: 'Admiral' }]);
  });

  it('writes more rows than one statement holds, each with its own company', async () => {
    const person = await seedPerson(database.db, 'ada');
    const rows = Array.from({ length: 2100 }, (_, i) => row(`Company ${i}`, `Position ${i}`));
    expect(await importApplications(person.id, rows)).toBe(2100);
    const written = await applicationsOf(database.db, person.id);
    expect(written).toHaveLength(2100);
    for (const application of written) expect(application.company.replace('Company', 'Position')).toBe(application.position);
    expect(await database.db.$count(stageChanges, eq(stageChanges.userId, person.id))).toBe(2100);
    expect(await database.db.$count(activities, eq(activities.userId, person.id))).toBe(2100);
  });

  it('does nothing for no rows', async () => {
    const person = await seedPerson(database.db, 'ada');
    expect(await importApplications(person.id, [])).toBe(0);
  });
});
