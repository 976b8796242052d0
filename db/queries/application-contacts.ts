import 'server-only';
import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applicationContacts, applications, contacts } from '@/db/schema';
import { isUniqueViolation, UserError } from '@/lib/errors';
import type { ContactRole } from '@/lib/pipeline/labels';
import { recordActivity } from './activity';
import { findOrCreateContact, getContact, linkContact } from './contacts';

export const PRIMARY_CONFLICT_MESSAGE = 'Someone else changed the primary contact at the same moment; try again.';

/**
 * True when a write lost the race for the one primary contact of an
 * application: the partial unique index refused a second primary.
 */
export const isPrimaryConflict = (error: unknown) => isUniqueViolation(error, 'application_contacts_one_primary_idx');

/** Runs a write that may set a primary contact, turning a lost race into a message for the person. */
export async function withPrimaryGuard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isPrimaryConflict(error)) throw new UserError(PRIMARY_CONFLICT_MESSAGE);
    throw error;
  }
}

export type LinkedContact = Awaited<ReturnType<typeof linkedContacts>>[number];

/** The people on an application, the primary contact first. */
export async function linkedContacts(userId: string, applicationId: string, tx: Executor = db) {
  return tx
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      title: contacts.title,
      role: applicationContacts.role,
      isPrimary: applicationContacts.isPrimary,
    })
    .from(applicationContacts)
    .innerJoin(contacts, and(eq(contacts.userId, applicationContacts.userId), eq(contacts.id, applicationContacts.contactId)))
    .where(and(eq(applicationContacts.userId, userId), eq(applicationContacts.applicationId, applicationId)))
    .orderBy(desc(applicationContacts.isPrimary), asc(contacts.name));
}

/**
 * Changes a link's role or makes the contact primary. False when the link
 * (or the application) is missing or someone else's: it is never re-created here.
 */
export async function updateContactLink(
  userId: string,
  link: { applicationId: string; contactId: string; role?: ContactRole; isPrimary?: boolean },
) {
  return withPrimaryGuard(() =>
    db.transaction(async (tx) => {
      const [current] = await tx
        .select({ role: applicationContacts.role, isPrimary: applicationContacts.isPrimary })
        .from(applicationContacts)
        .where(
          and(
            eq(applicationContacts.userId, userId),
            eq(applicationContacts.applicationId, link.applicationId),
            eq(applicationContacts.contactId, link.contactId),
          ),
        )
        .for('update');
      if (!current) return false;
      await linkContact(tx, userId, {
        applicationId: link.applicationId,
        contactId: link.contactId,
        role: link.role ?? current.role,
        isPrimary: link.isPrimary ?? current.isPrimary,
      });
      return true;
    }),
  );
}

/** Takes a contact off an application. The contact stays in the person's contacts. */
export async function unlinkContact(userId: string, applicationId: string, contactId: string) {
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(applicationContacts)
      .where(
        and(
          eq(applicationContacts.userId, userId),
          eq(applicationContacts.applicationId, applicationId),
          eq(applicationContacts.contactId, contactId),
        ),
      )
      .returning({ role: applicationContacts.role });
    if (!removed) return false;
    const contact = await getContact(userId, contactId, tx);
    await recordActivity(tx, userId, {
      kind: 'contact_unlinked',
      applicationId,
      contactId,
      detail: { name: contact?.name ?? null, role: removed.role },
    });
    return true;
  });
}

type NewPerson = { name: string; email: string };

/**
 * Puts a contact on an application: an existing one by id, or a new person
 * by name and email (an email already in the contacts reuses that contact).
 * Returns the contact's name, or null when the application or contact is
 * missing or someone else's.
 */
export async function addContactToApplication(
  userId: string,
  applicationId: string,
  person: { contactId: string } | NewPerson,
  link: { role: ContactRole; isPrimary: boolean },
) {
  return withPrimaryGuard(() =>
    db.transaction(async (tx) => {
      const [application] = await tx
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.userId, userId), eq(applications.id, applicationId)));
      if (!application) return null;
      const contact =
        'contactId' in person
          ? await getContact(userId, person.contactId, tx)
          : (await findOrCreateContact(tx, userId, { ...person, title: null, phone: null, linkedinUrl: null, notes: null }))
              .contact;
      if (!contact) return null;
      const [already] = await tx
        .select({ role: applicationContacts.role })
        .from(applicationContacts)
        .where(
          and(
            eq(applicationContacts.userId, userId),
            eq(applicationContacts.applicationId, applicationId),
            eq(applicationContacts.contactId, contact.id),
          ),
        );
      if (already) throw new UserError(`${contact.name} is already on this application.`);
      await linkContact(tx, userId, { applicationId, contactId: contact.id, ...link });
      await recordActivity(tx, userId, {
        kind: 'contact_linked',
        applicationId,
        contactId: contact.id,
        detail: { name: contact.name, role: link.role, primary: link.isPrimary },
      });
      return { name: contact.name };
    }),
  );
}

/** `%` and `_` typed by the person are literal characters, not wildcards. */
const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The person's contacts who are not on this application yet, by name or
 * email, for the pickers. Limited: a network of 20,000 is searched, never sent.
 */
export async function contactsNotOnApplication(userId: string, applicationId: string, query: string, limit = 20) {
  const search = query.trim();
  return db
    .select({ id: contacts.id, name: contacts.name, email: contacts.email, title: contacts.title })
    .from(contacts)
    .where(
      and(
        eq(contacts.userId, userId),
        search ? or(ilike(contacts.name, likePattern(search)), ilike(contacts.email, likePattern(search))) : undefined,
        sql`not exists (select 1 from ${applicationContacts} where ${applicationContacts.userId} = ${userId} and ${applicationContacts.applicationId} = ${applicationId} and ${applicationContacts.contactId} = ${contacts.id})`,
      ),
    )
    .orderBy(asc(contacts.name), asc(contacts.id))
    .limit(limit);
}
