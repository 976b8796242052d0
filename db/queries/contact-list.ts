import 'server-only';
import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { contains } from '@/db/contains';
import { nameKey } from '@/db/name-key';
import { activities, applicationContacts, companies, contacts, interviewAttendees, interviews } from '@/db/schema';

export const CONTACTS_PER_PAGE = 50;

/**
 * The person's contacts whose name, email, title or company contains the text, as two sets,
 * not one OR across the company join: an OR that reaches into another table is checked row by
 * row, while each set here is read by trigram index (the contacts' three columns together, by
 * ORing their indexes; the companies by theirs, then their contacts by (user_id, company_id)).
 */
function matchingContacts(userId: string, q: string) {
  const fields = { id: contacts.id, name: contacts.name };
  const byContact = db
    .select(fields)
    .from(contacts)
    .where(and(eq(contacts.userId, userId), or(contains(contacts.name, q), contains(contacts.email, q), contains(contacts.title, q))));
  const byCompany = db
    .select(fields)
    .from(companies)
    .innerJoin(contacts, and(eq(contacts.userId, userId), eq(contacts.companyId, companies.id)))
    .where(and(eq(companies.userId, userId), contains(companies.name, q)));
  // UNION: a contact can match by name and by company, and is one row of the list.
  return byContact.union(byCompany);
}

/** Narrows a query of contacts to those matching the text (all of them without text). */
function searchFilter(userId: string, q: string): SQL | undefined {
  if (!q) return undefined;
  const matching = matchingContacts(userId, q).as('matching');
  return inArray(contacts.id, db.select({ id: matching.id }).from(matching));
}

/**
 * One page of a person's contacts, by name, with how many applications each
 * is linked to and when they last had anything to do with them. The counts
 * are correlated subqueries on indexed columns, run for the 50 rows shown
 * only; without text the page itself walks the (user_id, name) index.
 */
export async function listContacts(userId: string, options: { q?: string; page?: number } = {}) {
  const q = options.q?.trim() ?? '';
  const page = Math.max(1, Math.floor(options.page ?? 1));
  // The contacts to page through, with the names they are ordered by. Without text, the person's own
  // rows, walked on the (user_id, name) index. With text, the two matching sets, deduplicated: the
  // page and the count read the matches themselves, not every match looked up again by id.
  const candidates = (q ? matchingContacts(userId, q) : db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(eq(contacts.userId, userId))).as(
    'candidates',
  );

  // The page's ids are found first; the counts below then run for those 50 rows only.
  // Computed in the same query, they would run for every row OFFSET skips.
  const pageOfContacts = db
    .select({ id: candidates.id, name: candidates.name })
    .from(candidates)
    .orderBy(asc(candidates.name), asc(candidates.id))
    .limit(CONTACTS_PER_PAGE)
    .offset((page - 1) * CONTACTS_PER_PAGE)
    .as('page');

  const applicationCount = sql<number>`(
    select count(*) from ${applicationContacts}
    where ${applicationContacts.userId} = ${userId} and ${applicationContacts.contactId} = ${contacts.id}
  )`.mapWith(Number);
  // An event that names them (added, merged, a letter) or an interview they attended, whichever is later.
  const lastActivityAt = sql<Date | null>`greatest(
    (select max(${activities.occurredAt}) from ${activities}
      where ${activities.userId} = ${userId} and ${activities.contactId} = ${contacts.id}),
    (select max(${interviews.scheduledAt}) from ${interviewAttendees}
      join ${interviews} on ${interviews.id} = ${interviewAttendees.interviewId}
      where ${interviewAttendees.userId} = ${userId} and ${interviewAttendees.contactId} = ${contacts.id}
        and ${interviews.scheduledAt} <= now())
  )`.mapWith(activities.occurredAt);

  const rowsQuery = db
    .select({
      id: contacts.id,
      name: contacts.name,
      title: contacts.title,
      email: contacts.email,
      company: companies.name,
      applicationCount,
      lastActivityAt,
    })
    .from(pageOfContacts)
    .innerJoin(contacts, and(eq(contacts.userId, userId), eq(contacts.id, pageOfContacts.id)))
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .orderBy(asc(pageOfContacts.name), asc(pageOfContacts.id));
  const countQuery = db.select({ total: count() }).from(candidates);

  const [rows, [{ total }]] = await Promise.all([rowsQuery, countQuery]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / CONTACTS_PER_PAGE)) };
}

export type ContactListRow = Awaited<ReturnType<typeof listContacts>>['rows'][number];

// A shared gmail.com says nothing about two people being one.
const PERSONAL_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com',
  'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de',
]);

export function workDomain(email: string | null): string | null {
  const domain = email?.split('@')[1]?.toLowerCase() ?? null;
  return domain && !PERSONAL_MAIL_DOMAINS.has(domain) ? domain : null;
}

/**
 * The person's other contacts, likeliest duplicates first: the same name,
 * then the same work email domain, then a shared first or last name.
 */
export async function mergeCandidates(
  userId: string,
  contact: { id: string; name: string; email: string | null },
  options: { q?: string; limit?: number } = {},
) {
  // Both names are keyed, and split into words, by the database: a key made in JavaScript would
  // disagree with the database's on letters such as İ and Σ, and a namesake would rank as a stranger.
  const theirName = nameKey(sql`trim(${contacts.name})`);
  const ourName = nameKey(sql`trim(${contact.name}::text)`);
  const domain = workDomain(contact.email);
  const sameName = sql<boolean>`(${theirName} = ${ourName})`;
  // A parameter, not a constant, when there is no domain: Postgres refuses a constant in ORDER BY.
  const sameDomain = sql<boolean>`coalesce(${domain ?? ''} <> '' and lower(split_part(${contacts.email}, '@', 2)) = lower(${domain ?? ''}::text), false)`;
  const firstWord = (name: SQL) => sql`split_part(${name}, ' ', 1)`;
  const lastWord = (name: SQL) => sql`regexp_replace(${name}, '^.*\\s', '')`;
  const sharedWord = sql<boolean>`(${firstWord(theirName)} = ${firstWord(ourName)} or ${lastWord(theirName)} = ${lastWord(ourName)})`;

  return db
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      title: contacts.title,
      company: companies.name,
      sameName,
      sameDomain,
      sharedWord,
    })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(and(eq(contacts.userId, userId), ne(contacts.id, contact.id), searchFilter(userId, options.q?.trim() ?? '')))
    .orderBy(desc(sameName), desc(sameDomain), desc(sharedWord), asc(contacts.name), asc(contacts.id))
    .limit(options.limit ?? 50);
}
