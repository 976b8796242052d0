import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { contacts, interviewAttendees, interviews } from '@/db/schema';
import type { InterviewInput } from '@/lib/pipeline/interview-input';

const interviewValues = (input: InterviewInput) => ({
  scheduledAt: input.scheduledAt,
  timeZone: input.timeZone,
  kind: input.kind,
  location: input.location,
  notes: input.notes,
  impression: input.impression,
});

export async function insertInterview(tx: Executor, userId: string, applicationId: string, input: InterviewInput): Promise<string> {
  const [interview] = await tx
    .insert(interviews)
    .values({ userId, applicationId, ...interviewValues(input) })
    .returning({ id: interviews.id });
  return interview.id;
}

/** Saves an interview's own fields. False when it is missing or someone else's. */
export async function updateInterviewFields(
  tx: Executor,
  userId: string,
  applicationId: string,
  interviewId: string,
  input: InterviewInput,
): Promise<boolean> {
  const [updated] = await tx
    .update(interviews)
    .set({ ...interviewValues(input), updatedAt: new Date() })
    .where(and(eq(interviews.userId, userId), eq(interviews.applicationId, applicationId), eq(interviews.id, interviewId)))
    .returning({ id: interviews.id });
  return Boolean(updated);
}

/** Deletes an interview with its attendee list and its thank-you letters (foreign keys). */
export async function deleteInterviewRow(tx: Executor, userId: string, applicationId: string, interviewId: string): Promise<boolean> {
  const deleted = await tx
    .delete(interviews)
    .where(and(eq(interviews.userId, userId), eq(interviews.applicationId, applicationId), eq(interviews.id, interviewId)))
    .returning({ id: interviews.id });
  return deleted.length === 1;
}

/** Who was at the interview, replacing whoever was recorded before. */
export async function setAttendees(tx: Executor, userId: string, interviewId: string, contactIds: string[]): Promise<void> {
  await tx.delete(interviewAttendees).where(and(eq(interviewAttendees.userId, userId), eq(interviewAttendees.interviewId, interviewId)));
  if (contactIds.length > 0) {
    await tx.insert(interviewAttendees).values(contactIds.map((contactId) => ({ userId, interviewId, contactId })));
  }
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

/** Saves "What impressed you most?" alone; the interview's kind and time, or null when missing or someone else's. */
export async function setImpression(
  tx: Executor,
  userId: string,
  applicationId: string,
  interviewId: string,
  impression: string | null,
) {
  const [updated] = await tx
    .update(interviews)
    .set({ impression, updatedAt: new Date() })
    .where(and(eq(interviews.userId, userId), eq(interviews.applicationId, applicationId), eq(interviews.id, interviewId)))
    .returning({ kind: interviews.kind, scheduledAt: interviews.scheduledAt, timeZone: interviews.timeZone });
  return updated ?? null;
}
