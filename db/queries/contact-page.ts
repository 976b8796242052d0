import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { activities, applicationContacts, applications, companies, interviewAttendees, interviews } from '@/db/schema';

/**
 * What a contact's page shows besides their details: every application,
 * interview and event with them, across companies. Each is one query on the
 * contact-id indexes; the page runs them together, and a merge plan compares
 * two contacts' lists.
 */

/** The applications the contact is linked to, most recently active first. */
export async function contactApplications(userId: string, contactId: string, tx: Executor = db) {
  return tx
    .select({
      applicationId: applications.id,
      company: companies.name,
      position: applications.position,
      stage: applications.stage,
      archived: applications.archived,
      role: applicationContacts.role,
      isPrimary: applicationContacts.isPrimary,
    })
    .from(applicationContacts)
    .innerJoin(applications, eq(applications.id, applicationContacts.applicationId))
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(and(eq(applicationContacts.userId, userId), eq(applicationContacts.contactId, contactId)))
    .orderBy(desc(applications.lastActivityAt), desc(applications.id));
}

/** The interviews the contact attended, newest first. */
export async function contactInterviews(userId: string, contactId: string, tx: Executor = db) {
  return tx
    .select({
      id: interviews.id,
      scheduledAt: interviews.scheduledAt,
      timeZone: interviews.timeZone,
      kind: interviews.kind,
      applicationId: applications.id,
      company: companies.name,
      position: applications.position,
    })
    .from(interviewAttendees)
    .innerJoin(interviews, eq(interviews.id, interviewAttendees.interviewId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(and(eq(interviewAttendees.userId, userId), eq(interviewAttendees.contactId, contactId)))
    .orderBy(desc(interviews.scheduledAt), desc(interviews.id));
}

/** Events that name the contact, newest first, with the application they concern if any. */
export async function contactActivity(userId: string, contactId: string, limit = 100) {
  return db
    .select({
      id: activities.id,
      kind: activities.kind,
      detail: activities.detail,
      occurredAt: activities.occurredAt,
      applicationId: activities.applicationId,
      company: companies.name,
      position: applications.position,
    })
    .from(activities)
    .leftJoin(applications, eq(applications.id, activities.applicationId))
    .leftJoin(companies, eq(companies.id, applications.companyId))
    .where(and(eq(activities.userId, userId), eq(activities.contactId, contactId)))
    .orderBy(desc(activities.occurredAt), desc(activities.createdAt))
    .limit(limit);
}

export type ContactApplication = Awaited<ReturnType<typeof contactApplications>>[number];
export type ContactInterview = Awaited<ReturnType<typeof contactInterviews>>[number];
export type ContactActivity = Awaited<ReturnType<typeof contactActivity>>[number];
