import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applicationContacts, contacts, type ContactRole } from '@/db/schema';
import { recordActivity } from './activity';

export type ContactInput = {
  name: string;
  email: string | null;
  title: string | null;
  companyId?: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  notes: string | null;
};

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

/**
 * Creates a contact, or returns the existing one with the same email: a
 * person met twice is one contact, their network, across applications.
 */
export async function findOrCreateContact(tx: Executor, userId: string, input: ContactInput) {
  if (input.email) {
    const existing = await findContactByEmail(tx, userId, input.email);
    if (existing) return { contact: existing, created: false };
  }
  const [contact] = await tx
    .insert(contacts)
    .values({ ...input, userId, companyId: input.companyId ?? null })
    .returning();
  await recordActivity(tx, userId, { kind: 'contact_added', contactId: contact.id, detail: { name: contact.name } });
  return { contact, created: true };
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
