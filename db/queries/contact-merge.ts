import 'server-only';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/executor';
import { activities, applicationContacts, companies, contacts, interviewAttendees, letterRecipients } from '@/db/schema';

/** Both contacts with their company's name, or null unless both are the person's. */
export async function contactPair(tx: Executor, userId: string, survivorId: string, duplicateId: string) {
  const rows = await tx
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      title: contacts.title,
      phone: contacts.phone,
      linkedinUrl: contacts.linkedinUrl,
      notes: contacts.notes,
      companyId: contacts.companyId,
      company: companies.name,
    })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(and(eq(contacts.userId, userId), inArray(contacts.id, [survivorId, duplicateId])));
  const survivor = rows.find((r) => r.id === survivorId);
  const duplicate = rows.find((r) => r.id === duplicateId);
  return survivor && duplicate ? { survivor, duplicate } : null;
}

/** Locks both contacts, in a fixed order so two merges cannot deadlock; false unless both are the person's. */
export async function lockContactPair(tx: Executor, userId: string, ids: [string, string]): Promise<boolean> {
  const locked = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), inArray(contacts.id, ids)))
    .orderBy(asc(contacts.id))
    .for('update');
  return locked.length === 2;
}

/** How many timeline events name the contact. */
export async function contactEventCount(tx: Executor, userId: string, contactId: string): Promise<number> {
  const [{ events }] = await tx
    .select({ events: count() })
    .from(activities)
    .where(and(eq(activities.userId, userId), eq(activities.contactId, contactId)));
  return events;
}

/** Takes the contact off these applications (before the survivor's link takes its place, so one-primary never sees two). */
export async function dropLinks(tx: Executor, userId: string, contactId: string, applicationIds: string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  await tx
    .delete(applicationContacts)
    .where(
      and(
        eq(applicationContacts.userId, userId),
        eq(applicationContacts.contactId, contactId),
        inArray(applicationContacts.applicationId, applicationIds),
      ),
    );
}

/**
 * Everything that names the duplicate names the survivor instead: the rest
 * of its links, its interviews (those both attended are dropped first), its
 * events and its letters, so follow-ups count from the latest to either.
 */
export async function reassignContact(
  tx: Executor,
  userId: string,
  duplicateId: string,
  survivorId: string,
  sharedInterviewIds: string[],
): Promise<void> {
  const ofDuplicate = (table: { userId: AnyPgColumn; contactId: AnyPgColumn }) =>
    and(eq(table.userId, userId), eq(table.contactId, duplicateId));
  await tx.update(applicationContacts).set({ contactId: survivorId }).where(ofDuplicate(applicationContacts));
  if (sharedInterviewIds.length > 0) {
    await tx
      .delete(interviewAttendees)
      .where(and(ofDuplicate(interviewAttendees), inArray(interviewAttendees.interviewId, sharedInterviewIds)));
  }
  await tx.update(interviewAttendees).set({ contactId: survivorId }).where(ofDuplicate(interviewAttendees));
  await tx.update(activities).set({ contactId: survivorId }).where(ofDuplicate(activities));
  await tx.update(letterRecipients).set({ contactId: survivorId }).where(ofDuplicate(letterRecipients));
}
