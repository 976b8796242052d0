import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
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

async function loadMe(tx: Executor, userId: string) {
  const [me] = await tx
    .select({
      name: users.name,
      signature: users.signature,
      email: users.email,
      replyTo: users.replyTo,
      dailyRecipientCap: users.dailyRecipientCap,
      timeZone: users.timeZone,
    })
    .from(users)
    .where(eq(users.id, userId));
  return me ?? null;
}

async function loadApplication(tx: Executor, userId: string, applicationId: string) {
  const [row] = await tx
    .select({ id: applications.id, position: applications.position, stage: applications.stage, company: companies.name })
    .from(applications)
    .innerJoin(companies, and(eq(companies.id, applications.companyId), eq(companies.userId, userId)))
    .where(and(eq(applications.userId, userId), eq(applications.id, applicationId)));
  return row ?? null;
}

/** The people, primary first then by name, with whether each address is flagged. */
async function loadPeople(tx: Executor, userId: string, applicationId: string, contactIds: string[]): Promise<LetterPerson[]> {
  if (contactIds.length === 0) return [];
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
    .where(and(eq(contacts.userId, userId), inArray(contacts.id, contactIds)))
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
 */
export async function interviewLetterContext(userId: string, interviewId: string, tx: Executor = db): Promise<LetterContext | null> {
  const [interview] = await tx
    .select({ ...interviewColumns, applicationId: interviews.applicationId })
    .from(interviews)
    .where(and(eq(interviews.userId, userId), eq(interviews.id, interviewId)));
  if (!interview) return null;
  const [application, me, attendees, primary] = await Promise.all([
    loadApplication(tx, userId, interview.applicationId),
    loadMe(tx, userId),
    tx
      .select({ contactId: interviewAttendees.contactId })
      .from(interviewAttendees)
      .where(and(eq(interviewAttendees.userId, userId), eq(interviewAttendees.interviewId, interviewId))),
    tx
      .select({ contactId: applicationContacts.contactId })
      .from(applicationContacts)
      .where(
        and(
          eq(applicationContacts.userId, userId),
          eq(applicationContacts.applicationId, interview.applicationId),
          eq(applicationContacts.isPrimary, true),
        ),
      ),
  ]);
  if (!application || !me) return null;
  const ids = [...new Set([...primary.map((p) => p.contactId), ...attendees.map((a) => a.contactId)])];
  const { applicationId, ...interviewFacts } = interview;
  return {
    kind: 'interview_thanks',
    applicationId,
    stage: application.stage,
    company: application.company,
    position: application.position,
    interview: interviewFacts,
    people: await loadPeople(tx, userId, applicationId, ids),
    me,
  };
}

/**
 * A letter about a whole application: after a rejection to everyone met at
 * any of its interviews, or a follow-up to one contact (`null`: nobody is
 * named yet, so the plan says who is missing). The latest interview
 * supplies the interview facts, and the latest impression written.
 */
export async function applicationLetterContext(
  userId: string,
  applicationId: string,
  kind: Exclude<LetterKind, 'interview_thanks'>,
  contactId?: string | null,
  tx: Executor = db,
): Promise<LetterContext | null> {
  const [application, me, latest, met] = await Promise.all([
    loadApplication(tx, userId, applicationId),
    loadMe(tx, userId),
    tx
      .select(interviewColumns)
      .from(interviews)
      .where(and(eq(interviews.userId, userId), eq(interviews.applicationId, applicationId)))
      .orderBy(desc(interviews.scheduledAt))
      .limit(20),
    tx
      .selectDistinct({ contactId: interviewAttendees.contactId })
      .from(interviewAttendees)
      .innerJoin(interviews, and(eq(interviews.id, interviewAttendees.interviewId), eq(interviews.userId, userId)))
      .where(and(eq(interviewAttendees.userId, userId), eq(interviews.applicationId, applicationId))),
  ]);
  if (!application || !me) return null;
  const interview = latest[0] ?? null;
  const impression = latest.find((i) => i.impression?.trim())?.impression ?? null;
  const ids = contactId === undefined ? met.map((m) => m.contactId) : contactId ? [contactId] : [];
  const people = await loadPeople(tx, userId, applicationId, ids);
  if (contactId && people.length === 0) return null;
  return {
    kind,
    applicationId,
    stage: application.stage,
    company: application.company,
    position: application.position,
    interview: interview ? { ...interview, impression } : null,
    people,
    me,
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
