import 'server-only';
import { db } from '@/db';
import { recordActivity } from '@/db/queries/activity';
import { applicationLink, deleteLink } from '@/db/queries/application-contacts';
import { lockApplication } from '@/db/queries/applications';
import { findOrCreateContact, getContact, linkContact } from '@/db/queries/contacts';
import { isUniqueViolation, UserError } from '@/lib/errors';
import type { ContactRole } from '@/lib/pipeline/labels';

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

/**
 * A person changes a link's role or makes the contact primary. False when the
 * link (or the application) is missing or someone else's: it is never
 * re-created here.
 */
export async function updateContactLink(
  userId: string,
  link: { applicationId: string; contactId: string; role?: ContactRole; isPrimary?: boolean },
) {
  return withPrimaryGuard(() =>
    db.transaction(async (tx) => {
      const current = await applicationLink(tx, userId, link, { lock: true });
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

/** A person takes a contact off an application. The contact stays in their contacts. */
export async function unlinkContact(userId: string, applicationId: string, contactId: string) {
  return db.transaction(async (tx) => {
    const removed = await deleteLink(tx, userId, { applicationId, contactId });
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
 * A person puts someone on an application: an existing contact by id, or a
 * new person by name and email (an email already in the contacts reuses
 * that contact). Returns the contact's id and name, or null when the application or
 * contact is missing or someone else's.
 */
export async function addContactToApplication(
  userId: string,
  applicationId: string,
  person: { contactId: string } | NewPerson,
  link: { role: ContactRole; isPrimary: boolean },
) {
  return withPrimaryGuard(() =>
    db.transaction(async (tx) => {
      if (!(await lockApplication(tx, userId, applicationId))) return null;
      const contact =
        'contactId' in person
          ? await getContact(userId, person.contactId, tx)
          : (await findOrCreateContact(tx, userId, { ...person, title: null, phone: null, linkedinUrl: null, notes: null })).contact;
      if (!contact) return null;
      if (await applicationLink(tx, userId, { applicationId, contactId: contact.id })) {
        throw new UserError(`${contact.name} is already on this application.`);
      }
      await linkContact(tx, userId, { applicationId, contactId: contact.id, ...link });
      await recordActivity(tx, userId, {
        kind: 'contact_linked',
        applicationId,
        contactId: contact.id,
        detail: { name: contact.name, role: link.role, primary: link.isPrimary },
      });
      return { id: contact.id, name: contact.name };
    }),
  );
}
