import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applicationContacts, companies, contacts } from '@/db/schema';
import type { ContactInput } from '@/lib/contacts/contact-input';
import type { ContactRole } from '@/lib/pipeline/labels';
import { recordActivity } from './activity';

/** The contact with this email (any case), or null. */
export async function findContactByEmail(tx: Executor, userId: string, email: string) {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.userId, userId), sql`lower(${contacts.email}) = lower(${email})`));
  return row ?? null;
}

export async function getContact(userId: string, contactId: string, tx: Executor = db) {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)));
  return row ?? null;
}

/** The names of these contacts of the person's; an id that is not theirs is simply absent. */
export async function contactNames(tx: Executor, userId: string, contactIds: string[]) {
  if (contactIds.length === 0) return [];
  return tx
    .select({ id: contacts.id, name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), inArray(contacts.id, contactIds)));
}

/**
 * Creates a contact, or returns the existing one with the same email: a
 * person met twice is one contact, their network, across applications.
 */
export async function findOrCreateContact(tx: Executor, userId: string, input: ContactInput) {
  if (input.email) {
    const existing = await findContactByEmail(tx, userId, input.email);
    if (existing) return { contact: existing, created: false };
  }
  return { contact: await insertContact(tx, userId, input), created: true };
}

/**
 * Links a contact to an application with a role, or updates the link. Making
 * someone primary first clears the old primary; the partial unique index
 * still guarantees one primary if two requests race.
 */
export async function linkContact(
  tx: Executor,
  userId: string,
  link: { applicationId: string; contactId: string; role: ContactRole; isPrimary: boolean },
) {
  if (link.isPrimary) {
    await tx
      .update(applicationContacts)
      .set({ isPrimary: false })
      .where(
        and(
          eq(applicationContacts.userId, userId),
          eq(applicationContacts.applicationId, link.applicationId),
          eq(applicationContacts.isPrimary, true),
          sql`${applicationContacts.contactId} <> ${link.contactId}`,
        ),
      );
  }
  const [row] = await tx
    .insert(applicationContacts)
    .values({ userId, ...link })
    .onConflictDoUpdate({
      target: [applicationContacts.applicationId, applicationContacts.contactId],
      set: { role: link.role, isPrimary: link.isPrimary },
      setWhere: eq(applicationContacts.userId, userId),
    })
    .returning({ createdAt: applicationContacts.createdAt });
  return row;
}

/** One contact with its company's name, or null when missing or someone else's. */
export async function getContactDetails(userId: string, contactId: string) {
  const [row] = await db
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      title: contacts.title,
      companyId: contacts.companyId,
      company: companies.name,
      phone: contacts.phone,
      linkedinUrl: contacts.linkedinUrl,
      notes: contacts.notes,
      followUpWeeks: contacts.followUpWeeks,
      createdAt: contacts.createdAt,
      updatedAt: contacts.updatedAt,
    })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)));
  return row ?? null;
}

export type ContactDetails = NonNullable<Awaited<ReturnType<typeof getContactDetails>>>;

/** Writes a contact typed in by hand, with its timeline event. */
export async function insertContact(tx: Executor, userId: string, input: ContactInput) {
  const [contact] = await tx
    .insert(contacts)
    .values({ ...input, userId, companyId: input.companyId ?? null })
    .returning();
  await recordActivity(tx, userId, { kind: 'contact_added', contactId: contact.id, detail: { name: contact.name } });
  return contact;
}

/** Locks the contact for the rest of the transaction; false when it is missing or someone else's. */
export async function lockContact(tx: Executor, userId: string, contactId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)))
    .for('update');
  return Boolean(row);
}

/** Saves a contact's edited fields. */
export async function updateContactFields(tx: Executor, userId: string, contactId: string, fields: Partial<ContactInput> & { followUpWeeks?: number | null }) {
  await tx
    .update(contacts)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)));
}

/** Deletes the contact; their application links, interview attendance and events go with them (foreign keys). */
export async function deleteContactRow(tx: Executor, userId: string, contactId: string): Promise<boolean> {
  const deleted = await tx
    .delete(contacts)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)))
    .returning({ id: contacts.id });
  return deleted.length === 1;
}
