import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applicationContacts, companies, contacts } from '@/db/schema';
import { isUniqueViolation } from '@/lib/errors';
import type { ContactRole } from '@/lib/pipeline/labels';
import { recordActivity } from './activity';
import { findOrCreateCompany } from './companies';

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

async function insertContact(tx: Executor, userId: string, input: ContactInput) {
  const [contact] = await tx
    .insert(contacts)
    .values({ ...input, userId, companyId: input.companyId ?? null })
    .returning();
  await recordActivity(tx, userId, { kind: 'contact_added', contactId: contact.id, detail: { name: contact.name } });
  return contact;
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

/** A contact as the contact form edits it: the company is typed as free text; no follow-up cadence leaves it as it is. */
export type ContactFields = Omit<ContactInput, 'companyId'> & { company: string | null; followUpWeeks?: number | null };

export type SaveContactResult =
  | { status: 'saved'; id: string }
  | { status: 'duplicate_email'; existing: { id: string; name: string } }
  | { status: 'not_found' };

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

/** Adds a contact typed in by hand. A second contact with the same email is refused, not merged. */
export async function createContact(userId: string, fields: ContactFields): Promise<SaveContactResult> {
  return guardEmail(userId, fields.email, null, () =>
    db.transaction(async (tx) => {
      const { company, ...input } = fields;
      const companyId = company ? (await findOrCreateCompany(tx, userId, company)).id : null;
      const contact = await insertContact(tx, userId, { ...input, companyId });
      return { status: 'saved', id: contact.id };
    }),
  );
}

export async function updateContact(userId: string, contactId: string, fields: ContactFields): Promise<SaveContactResult> {
  return guardEmail(userId, fields.email, contactId, () =>
    db.transaction(async (tx) => {
      const { company, ...input } = fields;
      // Checked first so that a missing contact does not leave a new company behind.
      const [current] = await tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)))
        .for('update');
      if (!current) return { status: 'not_found' };
      const companyId = company ? (await findOrCreateCompany(tx, userId, company)).id : null;
      await tx
        .update(contacts)
        .set({ ...input, companyId, updatedAt: sql`now()` })
        .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)));
      return { status: 'saved', id: contactId };
    }),
  );
}

/** Deletes the contact with their application links, interview attendance and events; applications stay. */
export async function deleteContact(userId: string, contactId: string) {
  const deleted = await db
    .delete(contacts)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)))
    .returning({ id: contacts.id });
  return deleted.length === 1;
}

/**
 * Saves unless another contact already has the email. The look-up first gives
 * a friendly answer; the unique index still decides when two saves race, and
 * its violation becomes the same answer instead of an error.
 */
async function guardEmail(
  userId: string,
  email: string | null,
  selfId: string | null,
  save: () => Promise<SaveContactResult>,
): Promise<SaveContactResult> {
  const duplicate = async () => {
    const existing = email ? await findContactByEmail(db, userId, email) : null;
    return existing && existing.id !== selfId
      ? ({ status: 'duplicate_email', existing: { id: existing.id, name: existing.name } } as const)
      : null;
  };
  const before = await duplicate();
  if (before) return before;
  try {
    return await save();
  } catch (error) {
    const after = isUniqueViolation(error, 'contacts_user_email_idx') ? await duplicate() : null;
    if (after) return after;
    throw error;
  }
}
