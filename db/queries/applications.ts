import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { activities, applications, companies, stageChanges } from '@/db/schema';
import type { ApplicationInput } from '@/lib/pipeline/application-input';
import type { ApplicationStage } from '@/lib/pipeline/stages';
import { recordActivity } from './activity';

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

/** Locks the application for the rest of the transaction and returns its stage; null when it is missing or someone else's. */
export async function lockApplication(tx: Executor, userId: string, applicationId: string): Promise<{ stage: ApplicationStage } | null> {
  const [row] = await tx
    .select({ stage: applications.stage })
    .from(applications)
    .where(and(eq(applications.userId, userId), eq(applications.id, applicationId)))
    .for('update');
  return row ?? null;
}

/** Writes a new application in its first stage, with that stage as the first entry of its history. */
export async function insertApplication(
  tx: Executor,
  userId: string,
  input: ApplicationInput,
  companyId: string,
  stage: ApplicationStage,
): Promise<{ id: string }> {
  const [created] = await tx
    .insert(applications)
    .values({ userId, ...editableColumns(input, companyId), stage })
    .returning({ id: applications.id });
  await tx.insert(stageChanges).values({ userId, applicationId: created.id, fromStage: null, toStage: stage });
  return created;
}

/** Saves the edited fields (not the stage: that goes through changeStage). False when not found. */
export async function updateApplicationFields(
  tx: Executor,
  userId: string,
  applicationId: string,
  input: ApplicationInput,
  companyId: string,
): Promise<boolean> {
  const updated = await tx
    .update(applications)
    .set({ ...editableColumns(input, companyId), updatedAt: sql`now()` })
    .where(and(eq(applications.userId, userId), eq(applications.id, applicationId)))
    .returning({ id: applications.id });
  return updated.length > 0;
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

/** Deletes the application; its interviews, links, history and letters go with it (foreign keys), its contacts stay. */
export async function deleteApplicationRow(tx: Executor, userId: string, applicationId: string): Promise<boolean> {
  const deleted = await tx
    .delete(applications)
    .where(and(eq(applications.userId, userId), eq(applications.id, applicationId)))
    .returning({ id: applications.id });
  return deleted.length === 1;
}

export async function stageHistory(userId: string, applicationId: string) {
  return db
    .select()
    .from(stageChanges)
    .where(and(eq(stageChanges.userId, userId), eq(stageChanges.applicationId, applicationId)))
    .orderBy(desc(stageChanges.changedAt));
}

/**
 * Moves a stage change to another moment, with its timeline event, and keeps
 * the application's "in this stage since" the latest move. False when the
 * change is missing or someone else's.
 */
export async function setStageChangeDate(tx: Executor, userId: string, stageChangeId: string, changedAt: Date): Promise<boolean> {
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
}
