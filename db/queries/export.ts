import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import {
  activities,
  applicationContacts,
  applications,
  companies,
  contacts,
  dashboardDismissals,
  digestSends,
  followUpPlans,
  flaggedAddresses,
  sendingLedger,
  interviewAttendees,
  interviews,
  letterEvents,
  letterRecipients,
  letters,
  letterTemplates,
  replies,
  stageChanges,
  users,
} from '@/db/schema';

/**
 * Every application with its company and its stage history as one line,
 * e.g. "wishlist 2026-01-02 → applied 2026-01-05". The history is
 * aggregated in SQL (one indexed lookup per row inside the one query), so
 * 5,000 applications cost one round trip. Dates are UTC calendar days.
 */
export async function applicationsForExport(userId: string) {
  const history = sql<string | null>`(
    select string_agg(
      ${stageChanges.toStage}::text || ' ' || to_char(${stageChanges.changedAt} at time zone 'UTC', 'YYYY-MM-DD'),
      ' → ' order by ${stageChanges.changedAt}, ${stageChanges.createdAt}
    )
    from ${stageChanges}
    where ${stageChanges.userId} = ${userId} and ${stageChanges.applicationId} = ${applications.id}
  )`;
  return db
    .select({
      company: companies.name,
      position: applications.position,
      stage: applications.stage,
      appliedOn: applications.appliedOn,
      jobUrl: applications.jobUrl,
      location: applications.location,
      source: applications.source,
      notes: applications.notes,
      archived: applications.archived,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
      history,
    })
    .from(applications)
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(eq(applications.userId, userId))
    .orderBy(asc(applications.createdAt), asc(applications.id));
}

/**
 * Everything a person owns, for their own keeping: the profile with its
 * settings (without sign-in accounts or sessions, which are secrets, not
 * data), every row of the job search, and every letter as it was sent, with
 * its recipients and what Resend reported, and the replies that came back. Read in one read-only snapshot so the parts agree with
 * each other even while the person keeps working in another tab.
 */
export async function everythingOwnedBy(userId: string) {
  return db.transaction(
    async (tx) => {
      const [profile] = await tx
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          emailVerified: users.emailVerified,
          image: users.image,
          signature: users.signature,
          replyTo: users.replyTo,
          dailyRecipientCap: users.dailyRecipientCap,
          timeZone: users.timeZone,
          undoSeconds: users.undoSeconds,
          digestEnabled: users.digestEnabled,
          digestMinute: users.digestMinute,
          createdAt: users.createdAt,
          updatedAt: users.updatedAt,
        })
        .from(users)
        .where(eq(users.id, userId));
      if (!profile) return null;
      // Sequential on purpose: a transaction is one connection, so parallel queries would only queue.
      const owned = {
        companies: await tx.select().from(companies).where(eq(companies.userId, userId)).orderBy(asc(companies.createdAt)),
        applications: await tx
          .select()
          .from(applications)
          .where(eq(applications.userId, userId))
          .orderBy(asc(applications.createdAt)),
        stageChanges: await tx
          .select()
          .from(stageChanges)
          .where(eq(stageChanges.userId, userId))
          .orderBy(asc(stageChanges.changedAt)),
        contacts: await tx.select().from(contacts).where(eq(contacts.userId, userId)).orderBy(asc(contacts.createdAt)),
        applicationContacts: await tx
          .select()
          .from(applicationContacts)
          .where(eq(applicationContacts.userId, userId))
          .orderBy(asc(applicationContacts.createdAt)),
        interviews: await tx
          .select()
          .from(interviews)
          .where(eq(interviews.userId, userId))
          .orderBy(asc(interviews.scheduledAt)),
        interviewAttendees: await tx
          .select()
          .from(interviewAttendees)
          .where(eq(interviewAttendees.userId, userId))
          .orderBy(asc(interviewAttendees.createdAt)),
        activities: await tx
          .select()
          .from(activities)
          .where(eq(activities.userId, userId))
          .orderBy(asc(activities.occurredAt)),
        letterTemplates: await tx
          .select()
          .from(letterTemplates)
          .where(eq(letterTemplates.userId, userId))
          .orderBy(asc(letterTemplates.createdAt)),
        letters: await tx.select().from(letters).where(eq(letters.userId, userId)).orderBy(asc(letters.createdAt)),
        letterRecipients: await tx
          .select()
          .from(letterRecipients)
          .where(eq(letterRecipients.userId, userId))
          .orderBy(asc(letterRecipients.createdAt)),
        letterEvents: await tx
          .select()
          .from(letterEvents)
          .where(eq(letterEvents.userId, userId))
          .orderBy(asc(letterEvents.occurredAt)),
        flaggedAddresses: await tx
          .select()
          .from(flaggedAddresses)
          .where(eq(flaggedAddresses.userId, userId))
          .orderBy(asc(flaggedAddresses.createdAt)),
        dashboardDismissals: await tx
          .select()
          .from(dashboardDismissals)
          .where(eq(dashboardDismissals.userId, userId))
          .orderBy(asc(dashboardDismissals.createdAt)),
        sendingLedger: await tx
          .select()
          .from(sendingLedger)
          .where(eq(sendingLedger.userId, userId))
          .orderBy(asc(sendingLedger.createdAt)),
        followUpPlans: await tx
          .select()
          .from(followUpPlans)
          .where(eq(followUpPlans.userId, userId))
          .orderBy(asc(followUpPlans.createdAt)),
        digestSends: await tx.select().from(digestSends).where(eq(digestSends.userId, userId)).orderBy(asc(digestSends.day)),
        replies: await tx.select().from(replies).where(eq(replies.userId, userId)).orderBy(asc(replies.receivedAt)),
      };
      return { profile, ...owned };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
