import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { findOrCreateContact, linkContact } from '@/db/queries/contacts';
import { activities, applications, stageChanges, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import type { ApplicationStage } from '@/lib/pipeline/stages';
import { createApplication } from '@/server/applications/create-application';

/** Rows for the board, table and create tests, written through the app's own queries. */

export async function seedPerson(name = 'Ada Lovelace'): Promise<SessionUser> {
  const id = crypto.randomUUID();
  const email = `${id.slice(0, 8)}@example.com`;
  await db.insert(users).values({ id, email, name });
  return { id, email, name };
}

export async function seedApplication(
  userId: string,
  input: { company?: string; position?: string; stage?: ApplicationStage; appliedOn?: string | null; archived?: boolean; stageChangedAt?: Date } = {},
) {
  const { id } = await createApplication(userId, {
    company: input.company ?? 'Acme Rockets',
    position: input.position ?? 'Flight Engineer',
    jobUrl: null,
    location: null,
    source: null,
    appliedOn: input.appliedOn ?? null,
    notes: null,
    stage: input.stage ?? 'wishlist',
  });
  if (input.archived || input.stageChangedAt) {
    await db
      .update(applications)
      .set({ archived: input.archived ?? false, ...(input.stageChangedAt ? { stageChangedAt: input.stageChangedAt, updatedAt: input.stageChangedAt } : {}) })
      .where(eq(applications.id, id));
  }
  return id;
}

export async function seedContact(userId: string, applicationId: string, name: string, isPrimary = false) {
  return db.transaction(async (tx) => {
    const { contact } = await findOrCreateContact(tx, userId, { name, email: `${crypto.randomUUID().slice(0, 8)}@people.example`, title: null, phone: null, linkedinUrl: null, notes: null });
    await linkContact(tx, userId, { applicationId, contactId: contact.id, role: 'interviewer', isPrimary });
    return contact.id;
  });
}

export async function stageOf(applicationId: string) {
  const [row] = await db.select({ stage: applications.stage, archived: applications.archived }).from(applications).where(eq(applications.id, applicationId));
  return row;
}

/** The history the move wrote: stage_changes rows beyond the first, and stage_changed events. */
export async function movesOf(applicationId: string) {
  const history = await db.select().from(stageChanges).where(eq(stageChanges.applicationId, applicationId)).orderBy(stageChanges.changedAt);
  const events = await db
    .select()
    .from(activities)
    .where(and(eq(activities.applicationId, applicationId), eq(activities.kind, 'stage_changed')));
  return { history, events };
}

/** Builds a FormData the way a browser would send the form. */
export function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}
