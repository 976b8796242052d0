import 'server-only';
import { and, asc, count, desc, eq, exists, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { rowsOf } from '@/db/rows';
import { applications, companies, contacts, letterEvents, letterRecipients, letters } from '@/db/schema';
import type { LetterStatus } from '@/lib/letters/status';
import { id as uuid } from '@/lib/validation/fields';

export const LETTERS_PER_PAGE = 25;

export type LetterRecipientView = { role: 'to' | 'cc'; name: string | null; email: string };

/**
 * A letter's recipients as one JSON array, To before CC (the enum's order),
 * built in the same query as the letter so a page of 25 is one round trip.
 */
const recipientsOf = (letterId: SQL | typeof letters.id, userId: string) =>
  sql<LetterRecipientView[]>`coalesce((
    select json_agg(json_build_object('role', r.role, 'name', r.name, 'email', r.email)
      order by r.role, r.created_at, r.email)
    from ${letterRecipients} r
    where r.user_id = ${userId} and r.letter_id = ${letterId}
  ), '[]'::json)`;

/** The letter went to the contact, as To or CC. */
function sentToContact(userId: string, contactId: string | null | undefined): SQL | undefined {
  if (!contactId) return undefined;
  // Postgres refuses a malformed uuid with an error; an id from a hand-edited URL simply matches no letter.
  if (!uuid.safeParse(contactId).success) return sql`false`;
  const recipient = db
    .select({ one: sql`1` })
    .from(letterRecipients)
    .where(
      and(
        eq(letterRecipients.userId, userId),
        eq(letterRecipients.letterId, letters.id),
        eq(letterRecipients.contactId, contactId),
      ),
    );
  return exists(recipient);
}

export type LetterListFilters = { status?: LetterStatus | null; template?: string | null; contact?: string | null };

function listFilter(userId: string, options: LetterListFilters) {
  return and(
    eq(letters.userId, userId),
    options.status ? eq(letters.status, options.status) : undefined,
    options.template ? eq(letters.templateName, options.template) : undefined,
    sentToContact(userId, options.contact),
  );
}

/** What every list of letters shows of each: enough for a line with a link, a badge and a time. */
const letterSummary = {
  id: letters.id,
  subject: letters.subject,
  status: letters.status,
  deliveredLocally: letters.deliveredLocally,
  isTest: letters.isTest,
  createdAt: letters.createdAt,
  sentAt: letters.sentAt,
};

/** A list line's facts plus what it was written from and about, for the list and the letter page. */
const letterWithApplication = (userId: string) => ({
  ...letterSummary,
  kind: letters.kind,
  templateName: letters.templateName,
  applicationId: letters.applicationId,
  company: companies.name,
  position: applications.position,
  recipients: recipientsOf(letters.id, userId),
});

/** The application a letter was about, if any, joined within the person's own rows. */
const application = (userId: string) =>
  [applications, and(eq(applications.userId, userId), eq(applications.id, letters.applicationId))] as const;

// Letters written by one click share a created_at (one transaction), so the id breaks ties
// and a letter never shows on two pages. The (user_id[, status], created_at) indexes give the order.
const newestFirst = [desc(letters.createdAt), desc(letters.id)];

/**
 * One page of a person's letters, newest first, optionally of one status,
 * one template or to one contact. The page's ids are found first, on the index; recipients and
 * the application are then looked up for those 25 rows only, not for every
 * row OFFSET skips.
 */
export async function listLetters(
  userId: string,
  options: LetterListFilters & { page?: number } = {},
) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const where = listFilter(userId, options);

  const pageOfLetters = db
    .select({ id: letters.id, createdAt: letters.createdAt })
    .from(letters)
    .where(where)
    .orderBy(...newestFirst)
    .limit(LETTERS_PER_PAGE)
    .offset((page - 1) * LETTERS_PER_PAGE)
    .as('page');

  const rowsQuery = db
    .select(letterWithApplication(userId))
    .from(pageOfLetters)
    .innerJoin(letters, and(eq(letters.userId, userId), eq(letters.id, pageOfLetters.id)))
    .leftJoin(...application(userId))
    .leftJoin(companies, eq(companies.id, applications.companyId))
    .orderBy(desc(pageOfLetters.createdAt), desc(pageOfLetters.id));
  const countQuery = db.select({ total: count() }).from(letters).where(where);

  const [rows, [{ total }]] = await Promise.all([rowsQuery, countQuery]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / LETTERS_PER_PAGE)) };
}

export type LetterListRow = Awaited<ReturnType<typeof listLetters>>['rows'][number];

/** The contact the list is filtered to, for its heading; null when the id is malformed or not the person's. */
export async function letterListContact(userId: string, contactId: string) {
  if (!uuid.safeParse(contactId).success) return null;
  const [contact] = await db
    .select({ id: contacts.id, name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)));
  return contact ?? null;
}

/**
 * The template names on a person's letters, for the filter: names as they
 * were when each letter was written. A person has a handful of names and
 * may have hundreds of thousands of letters, so the names are read by
 * skipping through the (user_id, template_name) index, one step per name
 * (each the next name after the last), not by reading every letter.
 */
export async function letterTemplateNames(userId: string): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(sql`
    with recursive names (name) as (
      (select l.template_name from ${letters} l where l.user_id = ${userId} order by l.template_name limit 1)
      union all
      select (select l.template_name from ${letters} l where l.user_id = ${userId} and l.template_name > names.name
              order by l.template_name limit 1)
      from names where names.name is not null
    )
    select name from names where name is not null order by name`);
  return rows.map((r) => r.name);
}

/** One letter with who it went to and what Resend reported, or null when it is not this person's. */
export async function getLetter(userId: string, letterId: string) {
  // Postgres refuses a malformed uuid with an error; a garbage id is simply not found.
  if (!uuid.safeParse(letterId).success) return null;
  const letterQuery = db
    .select({
      ...letterWithApplication(userId),
      interviewId: letters.interviewId,
      separate: letters.separate,
      fromName: letters.fromName,
      replyTo: letters.replyTo,
      html: letters.html,
      text: letters.text,
      statusChangedAt: letters.statusChangedAt,
      attempts: letters.attempts,
      nextAttemptAt: letters.nextAttemptAt,
      lastError: letters.lastError,
      body: letters.body,
      automatic: letters.automatic,
      // The contact it went to, to write a cancelled follow-up again.
      toContactId: sql<string | null>`(
        select r.contact_id from ${letterRecipients} r
        where r.user_id = ${userId} and r.letter_id = ${letters.id} and r.role = 'to'
        order by r.created_at limit 1
      )`,
    })
    .from(letters)
    .leftJoin(...application(userId))
    .leftJoin(companies, eq(companies.id, applications.companyId))
    .where(and(eq(letters.userId, userId), eq(letters.id, letterId)));
  // Scoped by the person as well, so the two can run at once: another person's letter has no events here.
  const eventsQuery = db
    .select({ id: letterEvents.id, type: letterEvents.type, occurredAt: letterEvents.occurredAt, detail: letterEvents.detail })
    .from(letterEvents)
    .where(and(eq(letterEvents.userId, userId), eq(letterEvents.letterId, letterId)))
    .orderBy(asc(letterEvents.occurredAt), asc(letterEvents.createdAt));
  const [[letter], events] = await Promise.all([letterQuery, eventsQuery]);
  return letter ? { ...letter, events } : null;
}

export type LetterView = NonNullable<Awaited<ReturnType<typeof getLetter>>>;
export type LetterEventView = LetterView['events'][number];

/**
 * The newest letters a contact was a recipient of (To or CC), for their page,
 * and how many there are in all, counted as the letters list counts them.
 */
export async function lettersToContact(userId: string, contactId: string, limit = 20) {
  const where = listFilter(userId, { contact: contactId });
  const [newest, [{ total }]] = await Promise.all([
    db.select(letterSummary).from(letters).where(where).orderBy(...newestFirst).limit(limit),
    db.select({ total: count() }).from(letters).where(where),
  ]);
  return { letters: newest, total };
}

export type ContactLetter = Awaited<ReturnType<typeof lettersToContact>>['letters'][number];
