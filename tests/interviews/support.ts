import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { findOrCreateContact, linkContact } from '@/db/queries/contacts';
import { activities, applicationContacts, applications, contacts, interviewAttendees, interviews, stageChanges, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import type { InterviewInput } from '@/lib/pipeline/interview-input';
import type { ContactRole } from '@/lib/pipeline/labels';
import type { ApplicationStage } from '@/lib/pipeline/stages';
import { createApplication } from '@/server/applications/create-application';

/** Shared by the interview and application-detail tests: people, applications and contacts to act on. */

/**
 * A person with the undo window off, unless asked: most tests are about what
 * happens once a letter leaves, and the undo window has tests of its own.
 */
export async function seedPerson(email: string, name: string, options: { undoSeconds?: number } = {}): Promise<SessionUser> {
  const [user] = await db.insert(users).values({ email, name, undoSeconds: options.undoSeconds ?? 0 }).returning();
  return { id: user.id, email: user.email, name: user.name };
}

/** Ada owns the data; Mallory is the second person who must never reach it. */
export async function seedAdaAndMallory() {
  return { ada: await seedPerson('ada@example.com', 'Ada Lovelace'), mallory: await seedPerson('mallory@example.com', 'Mallory') };
}

/** An interview's fields with nobody recorded, for tests that only need one to exist. */
export const interviewInput = (overrides: Partial<InterviewInput> = {}): InterviewInput => ({
  scheduledAt: new Date(),
  timeZone: 'UTC',
  kind: 'video',
  location: null,
  notes: null,
  impression: null,
  attendeeIds: [],
  newPeople: [],
  primary: null,
  ...overrides,
});

export async function seedApplication(userId: string, stage: ApplicationStage = 'applied', company = 'Acme Rockets') {
  const { id } = await createApplication(userId, {
    company,
    position: 'Flight Engineer',
    jobUrl: null,
    location: null,
    source: null,
    appliedOn: null,
    notes: null,
    stage,
  });
  return id;
}

export async function seedContact(userId: string, name: string, email: string | null) {
  const { contact } = await findOrCreateContact(db, userId, { name, email, title: null, phone: null, linkedinUrl: null, notes: null });
  return contact.id;
}

export async function seedLink(userId: string, applicationId: string, contactId: string, role: ContactRole = 'interviewer', isPrimary = false) {
  await linkContact(db, userId, { applicationId, contactId, role, isPrimary });
}

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

/** Everything one person owns in the pipeline, to compare before and after a refused write. */
export async function snapshot(userId: string) {
  const [apps, changes, people, links, ivs, attendees, events] = await Promise.all([
    db.select().from(applications).where(eq(applications.userId, userId)).orderBy(applications.id),
    db.select().from(stageChanges).where(eq(stageChanges.userId, userId)).orderBy(stageChanges.id),
    db.select().from(contacts).where(eq(contacts.userId, userId)).orderBy(contacts.id),
    db.select().from(applicationContacts).where(eq(applicationContacts.userId, userId)).orderBy(applicationContacts.contactId),
    db.select().from(interviews).where(eq(interviews.userId, userId)).orderBy(interviews.id),
    db.select().from(interviewAttendees).where(eq(interviewAttendees.userId, userId)).orderBy(interviewAttendees.contactId),
    db.select().from(activities).where(eq(activities.userId, userId)).orderBy(activities.id),
  ]);
  return { apps, changes, people, links, ivs, attendees, events };
}

export async function links(userId: string, applicationId: string) {
  return db
    .select({ contactId: applicationContacts.contactId, role: applicationContacts.role, isPrimary: applicationContacts.isPrimary })
    .from(applicationContacts)
    .where(and(eq(applicationContacts.userId, userId), eq(applicationContacts.applicationId, applicationId)));
}

/** What a redirect() or notFound() threw: Next's digest, e.g. "NEXT_REDIRECT;replace;/applications;307;". */
export async function thrownDigest(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return String((error as { digest?: unknown }).digest ?? error);
  }
  return 'nothing thrown';
}
