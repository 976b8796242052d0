import 'server-only';
import { db } from '@/db';
import { findOrCreateCompany } from '@/db/queries/companies';
import { findContactByEmail, insertContact, lockContact, updateContactFields } from '@/db/queries/contacts';
import type { ContactFields } from '@/lib/contacts/contact-input';
import { isUniqueViolation } from '@/lib/errors';

export type SaveContactResult =
  | { status: 'saved'; id: string }
  | { status: 'duplicate_email'; existing: { id: string; name: string } }
  | { status: 'not_found' };

/** A person adds a contact by hand. A second contact with the same email is refused, not merged. */
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

/** A person edits a contact; a company typed anew is found or created by name. */
export async function updateContact(userId: string, contactId: string, fields: ContactFields): Promise<SaveContactResult> {
  return guardEmail(userId, fields.email, contactId, () =>
    db.transaction(async (tx) => {
      const { company, ...input } = fields;
      // Checked first so that a missing contact does not leave a new company behind.
      if (!(await lockContact(tx, userId, contactId))) return { status: 'not_found' };
      const companyId = company ? (await findOrCreateCompany(tx, userId, company)).id : null;
      await updateContactFields(tx, userId, contactId, { ...input, companyId });
      return { status: 'saved', id: contactId };
    }),
  );
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
