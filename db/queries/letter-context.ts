import 'server-only';
import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import {
  applicationContacts,
  applications,
  companies,
  contacts,
  flaggedAddresses,
  interviewAttendees,
  interviews,
  users,
} from '@/db/schema';
import type { LetterContext, LetterPerson } from '@/lib/letters/context';
import type { LetterKind } from '@/lib/letters/kinds';
import type { Occasion } from '@/lib/letters/occasion';
import { applicationPlanFacts } from './follow-up-plan-facts';

/** The person's own facts a letter is signed and sent with. */
const meColumns = {
  name: users.name,
  signature: users.signature,
  email: users.email,
  replyTo: users.replyTo,
  dailyRecipientCap: users.dailyRecipientCap,
  timeZone: users.timeZone,
};

const applicationColumns = { position: applications.position, stage: applications.stage, company: companies.name };

/** Joins the application's company and the person's own row: inner, so nothing comes back when either is missing or not theirs. */
const companyOf = (userId: string) => and(eq(companies.id, applications.companyId), eq(companies.userId, userId));
const isThePerson = (userId: string) => eq(users.id, userId);

/**
 * The people, primary first then by name, with whether each address is
 * flagged: the contacts named, or those a subquery names, with whether each
 * is primary on the application (its id, or a subquery giving it).
 */
async function loadPeople(tx: Executor, userId: string, applicationId: string | SQL, whose: string[] | SQL): Promise<LetterPerson[]> {
  if (Array.isArray(whose) && whose.length === 0) return [];
  const rows = await tx
    .select({
      contactId: contacts.id,
      name: contacts.name,
      email: contacts.email,
      isPrimary: sql<boolean>`coalesce(${applicationContacts.isPrimary}, false)`,
      flagged: flaggedAddresses.reason,
    })
    .from(contacts)
    .leftJoin(
      applicationContacts,
      and(
        eq(applicationContacts.contactId, contacts.id),
        eq(applicationContacts.applicationId, applicationId),
        eq(applicationContacts.userId, userId),
      ),
    )
    .leftJoin(
      flaggedAddresses,
      and(eq(flaggedAddresses.userId, userId), eq(flaggedAddresses.email, sql`lower(${contacts.email})`)),
    )
    .where(and(eq(contacts.userId, userId), Array.isArray(whose) ? inArray(contacts.id, whose) : whose))
    .orderBy(desc(sql`coalesce(${applicationContacts.isPrimary}, false)`), asc(contacts.name));
  return rows;
}

const interviewColumns = {
  id: interviews.id,
  scheduledAt: interviews.scheduledAt,
  timeZone: interviews.timeZone,
  kind: interviews.kind,
  impression: interviews.impression,
};

/**
 * The thank-you after one interview: to the application's primary contact,
 * with everyone met at the interview. Null when the interview is not this
 * person's, exactly as when it does not exist.
 *
 * Two statements at once, neither waiting on the other: the facts, and the
 * people, who find the interview's application by a subquery of their own.
 */
export async function interviewLetterContext(userId: string, interviewId: string, tx: Executor = db): Promise<LetterContext | null> {
  const applicationOf = sql`(${tx
    .select({ id: interviews.applicationId })
    .from(interviews)
    .where(and(eq(interviews.userId, userId), eq(interviews.id, interviewId)))})`;
  const met = tx
    .select({ contactId: interviewAttendees.contactId })
    .from(interviewAttendees)
    .where(and(eq(interviewAttendees.userId, userId), eq(interviewAttendees.interviewId, interviewId)));
  const primary = tx
    .select({ contactId: applicationContacts.contactId })
    .from(applicationContacts)
    .where(
      and(eq(applicationContacts.userId, userId), eq(applicationContacts.applicationId, applicationOf), eq(applicationContacts.isPrimary, true)),
    );
  const [[facts], people] = await Promise.all([
    tx
      .select({ interview: interviewColumns, applicationId: interviews.applicationId, application: applicationColumns, me: meColumns })
      .from(interviews)
      .innerJoin(applications, and(eq(applications.id, interviews.applicationId), eq(applications.userId, userId)))
      .innerJoin(companies, companyOf(userId))
      .innerJoin(users, isThePerson(userId))
      .where(and(eq(interviews.userId, userId), eq(interviews.id, interviewId))),
    loadPeople(tx, userId, applicationOf, or(inArray(contacts.id, met), inArray(contacts.id, primary))!),
  ]);
  if (!facts) return null;
  return { kind: 'interview_thanks', applicationId: facts.applicationId, ...facts.application, interview: facts.interview, people, me: facts.me };
}

/**
 * A letter about a whole application: after a rejection to everyone met at
 * any of its interviews, or a follow-up to one contact (`null`: nobody is
 * named yet, so the plan says who is missing). The latest interview
 * supplies the interview facts, and the latest impression written.
 * Three statements at once: the facts, the latest interviews, the people.
 */
export async function applicationLetterContext(
  userId: string,
  applicationId: string,
  kind: Exclude<LetterKind, 'interview_thanks'>,
  contactId?: string | null,
  tx: Executor = db,
): Promise<LetterContext | null> {
  const met = tx
    .select({ contactId: interviewAttendees.contactId })
    .from(interviewAttendees)
    .innerJoin(interviews, and(eq(interviews.id, interviewAttendees.interviewId), eq(interviews.userId, userId)))
    .where(and(eq(interviewAttendees.userId, userId), eq(interviews.applicationId, applicationId)));
  const [[facts], latest, people] = await Promise.all([
    tx
      .select({ application: applicationColumns, me: meColumns })
      .from(applications)
      .innerJoin(companies, companyOf(userId))
      .innerJoin(users, isThePerson(userId))
      .where(and(eq(applications.userId, userId), eq(applications.id, applicationId))),
    tx
      .select(interviewColumns)
      .from(interviews)
      .where(and(eq(interviews.userId, userId), eq(interviews.applicationId, applicationId)))
      .orderBy(desc(interviews.scheduledAt))
      .limit(20),
    loadPeople(tx, userId, applicationId, contactId === undefined ? inArray(contacts.id, met) : contactId ? [contactId] : []),
  ]);
  if (!facts) return null;
  if (contactId && people.length === 0) return null;
  const interview = latest[0] ?? null;
  const impression = latest.find((i) => i.impression?.trim())?.impression ?? null;
  return {
    kind,
    applicationId,
    ...facts.application,
    interview: interview ? { ...interview, impression } : null,
    people,
    me: facts.me,
  };
}

/** The application's primary contact, or null when none is chosen. */
async function primaryContact(tx: Executor, userId: string, applicationId: string) {
  const [primary] = await tx
    .select({ contactId: applicationContacts.contactId })
    .from(applicationContacts)
    .where(
      and(
        eq(applicationContacts.userId, userId),
        eq(applicationContacts.applicationId, applicationId),
        eq(applicationContacts.isPrimary, true),
      ),
    );
  return primary?.contactId ?? null;
}

/**
 * Who a letter to one person goes to, when the form names nobody: a plan's
 * step goes to the plan's contact (after the thank-you, its To); otherwise
 * the application's primary contact. No earlier letter is needed.
 */
async function oneContact(userId: string, applicationId: string, occasion: Occasion) {
  if (occasion.contactId) return occasion.contactId;
  if (occasion.followUpPlan) {
    const plan = (await applicationPlanFacts(userId, applicationId)).find((row) => row.plan === occasion.followUpPlan);
    return plan?.facts.contactId ?? null;
  }
  return primaryContact(db, userId, applicationId);
}

/** The facts of the occasion a form names, scoped to the person; null when any id is missing or not theirs. */
export async function occasionLetterContext(userId: string, occasion: Occasion): Promise<LetterContext | null> {
  if (occasion.occasion === 'interview_thanks') {
    return occasion.interviewId ? interviewLetterContext(userId, occasion.interviewId) : null;
  }
  if (!occasion.applicationId) return null;
  if (occasion.occasion === 'rejection_thanks') return applicationLetterContext(userId, occasion.applicationId, 'rejection_thanks');
  const contactId = await oneContact(userId, occasion.applicationId, occasion);
  return applicationLetterContext(userId, occasion.applicationId, occasion.occasion, contactId);
}
