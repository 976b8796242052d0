import 'server-only';
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import { contains } from '@/db/contains';
import type { Executor } from '@/db/executor';
import { applicationContacts, contacts } from '@/db/schema';

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

/** Every link of the application: who is on it, in which role, and who is primary. */
export async function applicationLinks(tx: Executor, userId: string, applicationId: string) {
  return tx
    .select({ contactId: applicationContacts.contactId, role: applicationContacts.role, isPrimary: applicationContacts.isPrimary })
    .from(applicationContacts)
    .where(and(eq(applicationContacts.userId, userId), eq(applicationContacts.applicationId, applicationId)));
}

type Link = { applicationId: string; contactId: string };

/** The row that links this contact to this application, among the person's own. */
function isLink(userId: string, link: Link) {
  return and(
    eq(applicationContacts.userId, userId),
    eq(applicationContacts.applicationId, link.applicationId),
    eq(applicationContacts.contactId, link.contactId),
  );
}

/** One contact's link to one application, locked for the rest of the transaction when asked; null when there is none. */
export async function applicationLink(
  tx: Executor,
  userId: string,
  link: Link,
  options: { lock?: boolean } = {},
) {
  const query = tx
    .select({ role: applicationContacts.role, isPrimary: applicationContacts.isPrimary })
    .from(applicationContacts)
    .where(isLink(userId, link));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Takes a contact off an application and returns the role they had, or null when they were not on it. */
export async function deleteLink(tx: Executor, userId: string, link: Link) {
  const [removed] = await tx
    .delete(applicationContacts)
    .where(isLink(userId, link))
    .returning({ role: applicationContacts.role });
  return removed ?? null;
}

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
        search ? or(contains(contacts.name, search), contains(contacts.email, search)) : undefined,
        sql`not exists (select 1 from ${applicationContacts} where ${applicationContacts.userId} = ${userId} and ${applicationContacts.applicationId} = ${applicationId} and ${applicationContacts.contactId} = ${contacts.id})`,
      ),
    )
    .orderBy(asc(contacts.name), asc(contacts.id))
    .limit(limit);
}
