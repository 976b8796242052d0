import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { activities, applications, companies, letters, stageChanges } from '@/db/schema';
import type { ApplicationInput } from '@/lib/pipeline/application-input';
import type { ApplicationStage } from '@/lib/pipeline/stages';
import { recordActivity } from './activity';
import { findOrCreateCompany } from './companies';
import { contactsLastWrittenBy, refreshLastLetters } from './last-letter';

const applicationColumns = {
  id: applications.id,
  companyId: applications.companyId,
  company: companies.name,
  companyWebsite: companies.website,
  position: applications.position,
  jobUrl: applications.jobUrl,
  location: applications.location,
  source: applications.source,
  stage: applications.stage,
  appliedOn: applications.appliedOn,
  notes: applications.notes,
  archived: applications.archived,
  stageChangedAt: applications.stageChangedAt,
  lastActivityAt: applications.lastActivityAt,
  createdAt: applications.createdAt,
  updatedAt: applications.updatedAt,
};

export type ApplicationView = Awaited<ReturnType<typeof getApplication>> & {};

/** The columns a person edits; creating and saving an application write the same ones. */
function editableColumns(input: ApplicationInput, companyId: string) {
  const { position, jobUrl, location, source, appliedOn, notes } = input;
  return { companyId, position, jobUrl, location, source, appliedOn, notes };
}

/** One application with its company, or null when it is missing or someone else's. */
export async function getApplication(userId: string, applicationId: string, tx: Executor = db) {
  const [row] = await tx
    .select(applicationColumns)
    .from(applications)
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(and(eq(applications.userId, userId), eq(applications.id, applicationId)));
  return row ?? null;
}

export async function createApplication(
  userId: string,
  input: ApplicationInput & { stage?: ApplicationStage },
  tx?: Executor,
): Promise<{ id: string }> {
  const work = async (t: Executor) => {
    const company = await findOrCreateCompany(t, userId, input.company, input.companyWebsite);
    const stage = input.stage ?? (input.appliedOn ? 'applied' : 'wishlist');
    const [created] = await t
      .insert(applications)
      .values({
        userId,
        ...editableColumns(input, company.id),
        stage,
      })
      .returning({ id: applications.id });
    await t.insert(stageChanges).values({ userId, applicationId: created.id, fromStage: null, toStage: stage });
    await recordActivity(t, userId, {
      kind: 'application_created',
      applicationId: created.id,
      detail: { company: company.name, position: input.position, stage },
    });
    return created;
  };
  return tx ? work(tx) : db.transaction(work);
}

/** Saves the edited fields (not the stage: that goes through changeStage). False when not found. */
export async function updateApplication(userId: string, applicationId: string, input: ApplicationInput) {
  return db.transaction(async (tx) => {
    const company = await findOrCreateCompany(tx, userId, input.company, input.companyWebsite);
    const updated = await tx
      .update(applications)
      .set({
        ...editableColumns(input, company.id),
        updatedAt: sql`now()`,
      })
      .where(and(eq(applications.userId, userId), eq(applications.id, applicationId)))
      .returning({ id: applications.id });
    if (updated.length === 0) return false;
    await recordActivity(tx, userId, { kind: 'application_updated', applicationId });
    return true;
  });
}

/**
 * Moves an application to a stage and keeps the move as history. Returns the
 * move, `{ from, to }` with from === to when it was already there, or null
 * when the application is missing or someone else's. The row is locked so two
 * moves at once are recorded in order.
 */
export async function changeStage(
  userId: string,
  applicationId: string,
  to: ApplicationStage,
  options: { tx?: Executor; at?: Date } = {},
): Promise<{ from: ApplicationStage; to: ApplicationStage } | null> {
  const work = async (tx: Executor) => {
    const [current] = await tx
      .select({ stage: applications.stage })
      .from(applications)
      .where(and(eq(applications.userId, userId), eq(applications.id, applicationId)))
      .for('update');
    if (!current) return null;
    if (current.stage === to) return { from: to, to };
    const at = options.at ?? new Date();
    await tx
      .update(applications)
      .set({ stage: to, stageChangedAt: at, updatedAt: sql`now()` })
      .where(and(eq(applications.userId, userId), eq(applications.id, applicationId)));
    const [change] = await tx
      .insert(stageChanges)
      .values({ userId, applicationId, fromStage: current.stage, toStage: to, changedAt: at })
      .returning({ id: stageChanges.id });
    await recordActivity(tx, userId, {
      kind: 'stage_changed',
      applicationId,
      detail: { from: current.stage, to, stageChangeId: change.id },
      occurredAt: at,
    });
    return { from: current.stage, to };
  };
  return options.tx ? work(options.tx) : db.transaction(work);
}

export async function setArchived(userId: string, applicationIds: string[], archived: boolean) {
  if (applicationIds.length === 0) return 0;
  const updated = await db
    .update(applications)
    .set({ archived, updatedAt: sql`now()` })
    .where(and(eq(applications.userId, userId), sql`${applications.id} in ${applicationIds}`))
    .returning({ id: applications.id });
  return updated.length;
}

/**
 * Deletes the application with its interviews, links, history and letters;
 * its contacts stay, and those whose last letter went with it fall back to
 * the one before.
 */
export async function deleteApplication(userId: string, applicationId: string) {
  return db.transaction(async (tx) => {
    const lastWritten = await contactsLastWrittenBy(tx, userId, eq(letters.applicationId, applicationId));
    const deleted = await tx
      .delete(applications)
      .where(and(eq(applications.userId, userId), eq(applications.id, applicationId)))
      .returning({ id: applications.id });
    await refreshLastLetters(tx, userId, { contactIds: lastWritten });
    return deleted.length === 1;
  });
}

export async function stageHistory(userId: string, applicationId: string) {
  return db
    .select()
    .from(stageChanges)
    .where(and(eq(stageChanges.userId, userId), eq(stageChanges.applicationId, applicationId)))
    .orderBy(desc(stageChanges.changedAt));
}

/**
 * People log things late: a move's date can be corrected. The timeline event
 * moves with it, and so does the card's "in this stage since" when it is the
 * latest move.
 */
export async function correctStageChangeDate(userId: string, stageChangeId: string, changedAt: Date) {
  return db.transaction(async (tx) => {
    const [change] = await tx
      .update(stageChanges)
      .set({ changedAt })
      .where(and(eq(stageChanges.userId, userId), eq(stageChanges.id, stageChangeId)))
      .returning({ applicationId: stageChanges.applicationId });
    if (!change) return false;
    await tx
      .update(activities)
      .set({ occurredAt: changedAt })
      .where(and(eq(activities.userId, userId), sql`${activities.detail}->>'stageChangeId' = ${stageChangeId}`));
    await tx
      .update(applications)
      .set({
        stageChangedAt: sql`(select max(${stageChanges.changedAt}) from ${stageChanges} where ${stageChanges.applicationId} = ${change.applicationId})`,
      })
      .where(and(eq(applications.userId, userId), eq(applications.id, change.applicationId)));
    return true;
  });
}
