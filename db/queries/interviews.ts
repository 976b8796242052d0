import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applicationContacts, applications, contacts, interviewAttendees, interviews, letters } from '@/db/schema';
import { UserError } from '@/lib/errors';
import type { InterviewKind } from '@/lib/pipeline/labels';
import { stageAfterInterview } from '@/lib/pipeline/stages';
import { recordActivity } from './activity';
import { withPrimaryGuard } from './application-contacts';
import { changeStage } from './applications';
import { findOrCreateContact, linkContact } from './contacts';
import { contactsLastWrittenBy, refreshLastLetters } from './last-letter';

export type InterviewInput = {
  scheduledAt: Date;
  timeZone: string;
  kind: InterviewKind;
  location: string | null;
  notes: string | null;
  impression: string | null;
  /** The person's existing contacts who were there. */
  attendeeIds: string[];
  /** People met for the first time, typed in the form. */
  newPeople: { name: string; email: string }[];
  /** Who the thank-you goes to: an existing contact, or one of `newPeople` by position. */
  primary: { contactId: string } | { newPerson: number } | null;
};

/** Refused because people were there but nobody is, or becomes, the primary contact. */
export class PrimaryRequiredError extends UserError {
  constructor() {
    super('Choose who the thank-you letter goes to: mark one person as the primary contact.');
  }
}

const unique = <T>(items: T[]) => [...new Set(items)];

/**
 * Writes who was at an interview and puts them on the application: new
 * people become contacts (or reuse one with the same email), anyone not yet
 * on the application is linked as an interviewer, and the primary is set.
 */
async function saveInterviewPeople(tx: Executor, userId: string, applicationId: string, interviewId: string, input: InterviewInput) {
  const chosenPrimary = input.primary && 'contactId' in input.primary ? input.primary.contactId : null;
  const existingIds = unique([...input.attendeeIds, ...(chosenPrimary ? [chosenPrimary] : [])]);
  const existing = existingIds.length
    ? await tx
        .select({ id: contacts.id, name: contacts.name })
        .from(contacts)
        .where(and(eq(contacts.userId, userId), inArray(contacts.id, existingIds)))
    : [];
  if (existing.length !== existingIds.length) {
    throw new UserError('Someone you picked is no longer in your contacts. Reload the page and choose again.');
  }
  const names = new Map(existing.map((c) => [c.id, c.name]));
  const newIds: string[] = [];
  for (const person of input.newPeople) {
    const { contact } = await findOrCreateContact(tx, userId, { ...person, title: null, phone: null, linkedinUrl: null, notes: null });
    names.set(contact.id, contact.name);
    newIds.push(contact.id);
  }
  const attendeeIds = unique([...input.attendeeIds, ...newIds]);
  const primaryId = chosenPrimary ?? (input.primary && 'newPerson' in input.primary ? newIds[input.primary.newPerson] : null);

  await tx.delete(interviewAttendees).where(and(eq(interviewAttendees.userId, userId), eq(interviewAttendees.interviewId, interviewId)));
  if (attendeeIds.length > 0) {
    await tx.insert(interviewAttendees).values(attendeeIds.map((contactId) => ({ userId, interviewId, contactId })));
  }

  const links = await tx
    .select({ contactId: applicationContacts.contactId, role: applicationContacts.role, isPrimary: applicationContacts.isPrimary })
    .from(applicationContacts)
    .where(and(eq(applicationContacts.userId, userId), eq(applicationContacts.applicationId, applicationId)));
  const linked = new Map(links.map((l) => [l.contactId, l]));
  if (!primaryId && attendeeIds.length > 0 && !links.some((l) => l.isPrimary)) throw new PrimaryRequiredError();

  for (const contactId of unique([...attendeeIds, ...(primaryId ? [primaryId] : [])])) {
    const link = linked.get(contactId);
    const makePrimary = contactId === primaryId && !link?.isPrimary;
    if (link && !makePrimary) continue;
    await linkContact(tx, userId, { applicationId, contactId, role: link?.role ?? 'interviewer', isPrimary: makePrimary || Boolean(link?.isPrimary) });
    if (!link) {
      await recordActivity(tx, userId, {
        kind: 'contact_linked',
        applicationId,
        contactId,
        detail: { name: names.get(contactId) ?? null, role: 'interviewer', primary: makePrimary },
      });
    }
  }
  return attendeeIds.length;
}

const interviewValues = (input: InterviewInput) => ({
  scheduledAt: input.scheduledAt,
  timeZone: input.timeZone,
  kind: input.kind,
  location: input.location,
  notes: input.notes,
  impression: input.impression,
});

/**
 * Logs an interview in one transaction: the interview, who was there, their
 * links and the primary contact, the timeline entry, and the move to
 * interviewing for an application that had not got that far. Null when the
 * application is missing or someone else's.
 */
export async function logInterview(userId: string, applicationId: string, input: InterviewInput) {
  return withPrimaryGuard(() =>
    db.transaction(async (tx) => {
      const [application] = await tx
        .select({ stage: applications.stage })
        .from(applications)
        .where(and(eq(applications.userId, userId), eq(applications.id, applicationId)))
        .for('update');
      if (!application) return null;
      const [interview] = await tx
        .insert(interviews)
        .values({ userId, applicationId, ...interviewValues(input) })
        .returning({ id: interviews.id });
      const people = await saveInterviewPeople(tx, userId, applicationId, interview.id, input);
      const loggedAt = new Date();
      await recordActivity(tx, userId, {
        kind: 'interview_logged',
        applicationId,
        interviewId: interview.id,
        detail: { kind: input.kind, scheduledAt: input.scheduledAt.toISOString(), timeZone: input.timeZone, people },
        occurredAt: loggedAt,
      });
      const next = stageAfterInterview(application.stage);
      // The move is a consequence of the interview, so it sorts just after it on the timeline.
      if (next) await changeStage(userId, applicationId, next, { tx, at: new Date(loggedAt.getTime() + 1) });
      return { interviewId: interview.id, movedTo: next };
    }),
  );
}

/** Saves an edited interview and who was there. False when it is missing or someone else's. */
export async function updateInterview(userId: string, applicationId: string, interviewId: string, input: InterviewInput) {
  return withPrimaryGuard(() =>
    db.transaction(async (tx) => {
      const [updated] = await tx
        .update(interviews)
        .set({ ...interviewValues(input), updatedAt: new Date() })
        .where(and(eq(interviews.userId, userId), eq(interviews.applicationId, applicationId), eq(interviews.id, interviewId)))
        .returning({ id: interviews.id });
      if (!updated) return false;
      const people = await saveInterviewPeople(tx, userId, applicationId, interviewId, input);
      await recordActivity(tx, userId, {
        kind: 'interview_updated',
        applicationId,
        interviewId,
        detail: { kind: input.kind, scheduledAt: input.scheduledAt.toISOString(), timeZone: input.timeZone, people },
      });
      return true;
    }),
  );
}

/**
 * Deletes an interview, its attendee list and its thank-you letters; the
 * people stay linked to the application.
 */
export async function deleteInterview(userId: string, applicationId: string, interviewId: string) {
  return db.transaction(async (tx) => {
    const lastWritten = await contactsLastWrittenBy(tx, userId, eq(letters.interviewId, interviewId));
    const deleted = await tx
      .delete(interviews)
      .where(and(eq(interviews.userId, userId), eq(interviews.applicationId, applicationId), eq(interviews.id, interviewId)))
      .returning({ id: interviews.id });
    await refreshLastLetters(tx, userId, { contactIds: lastWritten });
    return deleted.length === 1;
  });
}

const interviewColumns = {
  id: interviews.id,
  scheduledAt: interviews.scheduledAt,
  timeZone: interviews.timeZone,
  kind: interviews.kind,
  location: interviews.location,
  notes: interviews.notes,
  impression: interviews.impression,
};

async function attendeesOf(tx: Executor, userId: string, interviewIds: string[]) {
  if (interviewIds.length === 0) return [];
  return tx
    .select({ interviewId: interviewAttendees.interviewId, id: contacts.id, name: contacts.name, email: contacts.email })
    .from(interviewAttendees)
    .innerJoin(contacts, and(eq(contacts.userId, interviewAttendees.userId), eq(contacts.id, interviewAttendees.contactId)))
    .where(and(eq(interviewAttendees.userId, userId), inArray(interviewAttendees.interviewId, interviewIds)))
    .orderBy(asc(contacts.name));
}

export type InterviewWithPeople = Awaited<ReturnType<typeof applicationInterviews>>[number];

/** An application's interviews, latest first, each with who was there (two queries, whatever the count). */
export async function applicationInterviews(userId: string, applicationId: string, tx: Executor = db) {
  const rows = await tx
    .select(interviewColumns)
    .from(interviews)
    .where(and(eq(interviews.userId, userId), eq(interviews.applicationId, applicationId)))
    .orderBy(desc(interviews.scheduledAt));
  const people = await attendeesOf(
    tx,
    userId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...row, people: people.filter((p) => p.interviewId === row.id) }));
}

/** One interview of an application with who was there, or null when missing or someone else's. */
export async function getInterview(userId: string, applicationId: string, interviewId: string, tx: Executor = db) {
  const [row] = await tx
    .select(interviewColumns)
    .from(interviews)
    .where(and(eq(interviews.userId, userId), eq(interviews.applicationId, applicationId), eq(interviews.id, interviewId)));
  if (!row) return null;
  return { ...row, people: await attendeesOf(tx, userId, [row.id]) };
}
