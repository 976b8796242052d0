import 'server-only';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { activities, applicationContacts, companies, type Contact, contacts, interviewAttendees, letterRecipients } from '@/db/schema';
import type { ContactRole } from '@/lib/pipeline/labels';
import { recordActivity } from './activity';
import { contactApplications, contactInterviews } from './contact-page';
import { linkContact } from './contacts';
import { refreshLastLetters } from './last-letter';

/**
 * Merging two contacts who are one person. The same plan is shown on the
 * confirm page and carried out by mergeContacts, so what the person agreed to
 * is what happens.
 */

type Link = { role: ContactRole; isPrimary: boolean };

/**
 * When both were linked to one application, one link stays: primary if
 * either was, and the more specific role. "Interviewer" is the default
 * everyone met at an interview gets, so any other role says more; between
 * two specific roles the survivor's stands.
 */
export function mergedLink(survivor: Link | null, duplicate: Link): Link {
  if (!survivor) return { role: duplicate.role, isPrimary: duplicate.isPrimary };
  const role = survivor.role === 'interviewer' ? duplicate.role : survivor.role;
  return { role, isPrimary: survivor.isPrimary || duplicate.isPrimary };
}

const FILLABLE = ['email', 'title', 'phone', 'linkedinUrl'] as const;
type MergeableContact = Pick<Contact, 'name' | (typeof FILLABLE)[number] | 'companyId' | 'notes'> & { company: string | null };
export type FieldUpdate = Partial<Pick<Contact, (typeof FILLABLE)[number] | 'companyId' | 'notes'>>;

/**
 * The survivor keeps what it has and takes what it lacks from the duplicate.
 * Where both have a different value, the duplicate's is written into the
 * notes rather than dropped.
 */
export function mergedFields(survivor: MergeableContact, duplicate: MergeableContact) {
  const update: FieldUpdate = {};
  const filled: string[] = [];
  const kept: string[] = [];
  const labels = { email: 'email', title: 'title', phone: 'phone', linkedinUrl: 'LinkedIn', company: 'company' };
  for (const field of FILLABLE) {
    const theirs = duplicate[field];
    const ours = survivor[field];
    if (!theirs) continue;
    if (!ours) {
      update[field] = theirs;
      filled.push(labels[field]);
    } else if (ours.toLowerCase() !== theirs.toLowerCase()) {
      kept.push(`${labels[field]} ${theirs}`);
    }
  }
  if (duplicate.companyId && !survivor.companyId) {
    update.companyId = duplicate.companyId;
    filled.push(labels.company);
  } else if (duplicate.company && survivor.company && duplicate.companyId !== survivor.companyId) {
    kept.push(`company ${duplicate.company}`);
  }
  const notes = [survivor.notes, duplicate.notes, kept.length ? `Also recorded for ${duplicate.name}: ${kept.join('; ')}.` : null]
    .filter(Boolean)
    .join('\n\n');
  if (notes !== (survivor.notes ?? '')) update.notes = notes;
  return { update, filled, kept, notesAppended: Boolean(duplicate.notes) || kept.length > 0 };
}

async function loadPair(tx: Executor, userId: string, survivorId: string, duplicateId: string) {
  const rows = await tx
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      title: contacts.title,
      phone: contacts.phone,
      linkedinUrl: contacts.linkedinUrl,
      notes: contacts.notes,
      companyId: contacts.companyId,
      company: companies.name,
    })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(and(eq(contacts.userId, userId), inArray(contacts.id, [survivorId, duplicateId])));
  const survivor = rows.find((r) => r.id === survivorId);
  const duplicate = rows.find((r) => r.id === duplicateId);
  return survivor && duplicate ? { survivor, duplicate } : null;
}

/** What merging `duplicateId` into `survivorId` would do, or null unless both are this person's and distinct. */
export async function planMerge(userId: string, survivorId: string, duplicateId: string, tx: Executor = db) {
  if (survivorId === duplicateId) return null;
  const pair = await loadPair(tx, userId, survivorId, duplicateId);
  if (!pair) return null;

  const [links, survivorLinks, attended, survivorAttended, [{ events }]] = await Promise.all([
    contactApplications(userId, duplicateId, tx),
    contactApplications(userId, survivorId, tx),
    contactInterviews(userId, duplicateId, tx),
    contactInterviews(userId, survivorId, tx),
    tx
      .select({ events: count() })
      .from(activities)
      .where(and(eq(activities.userId, userId), eq(activities.contactId, duplicateId))),
  ]);

  const survivorLinkTo = new Map(survivorLinks.map((l) => [l.applicationId, { role: l.role, isPrimary: l.isPrimary }]));
  const applicationLinks = links.map((link) => {
    const existing = survivorLinkTo.get(link.applicationId) ?? null;
    return { ...link, survivorLink: existing, result: mergedLink(existing, link) };
  });
  const survivorWasAt = new Set(survivorAttended.map((i) => i.id));
  const interviews = attended.map((interview) => ({ ...interview, shared: survivorWasAt.has(interview.id) }));
  return { ...pair, applicationLinks, interviews, events, fields: mergedFields(pair.survivor, pair.duplicate) };
}

export type MergePlan = NonNullable<Awaited<ReturnType<typeof planMerge>>>;

/**
 * Moves everything from the duplicate to the survivor and deletes the
 * duplicate, in one transaction: on any failure both stay as they were.
 * Both rows are locked first, so a link being added to the duplicate
 * meanwhile waits, then fails, instead of vanishing with it.
 */
export async function mergeContacts(userId: string, survivorId: string, duplicateId: string) {
  if (survivorId === duplicateId) return null;
  return db.transaction(async (tx) => {
    const locked = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.userId, userId), inArray(contacts.id, [survivorId, duplicateId])))
      .orderBy(asc(contacts.id))
      .for('update');
    if (locked.length !== 2) return null;
    const plan = (await planMerge(userId, survivorId, duplicateId, tx))!;
    const ofDuplicate = (table: { userId: AnyPgColumn; contactId: AnyPgColumn }) =>
      and(eq(table.userId, userId), eq(table.contactId, duplicateId));

    // Where both were linked, the duplicate's link goes before the survivor's
    // takes its place, so the one-primary index never sees two.
    const shared = plan.applicationLinks.filter((link) => link.survivorLink);
    if (shared.length > 0) {
      await tx
        .delete(applicationContacts)
        .where(and(ofDuplicate(applicationContacts), inArray(applicationContacts.applicationId, shared.map((l) => l.applicationId))));
      for (const link of shared) {
        await linkContact(tx, userId, { applicationId: link.applicationId, contactId: survivorId, ...link.result });
      }
    }
    await tx.update(applicationContacts).set({ contactId: survivorId }).where(ofDuplicate(applicationContacts));

    const sharedInterviews = plan.interviews.filter((i) => i.shared).map((i) => i.id);
    if (sharedInterviews.length > 0) {
      await tx
        .delete(interviewAttendees)
        .where(and(ofDuplicate(interviewAttendees), inArray(interviewAttendees.interviewId, sharedInterviews)));
    }
    await tx.update(interviewAttendees).set({ contactId: survivorId }).where(ofDuplicate(interviewAttendees));
    await tx.update(activities).set({ contactId: survivorId }).where(ofDuplicate(activities));
    // Letters to either are letters to the one person now: their page lists them, and follow-ups count from the latest.
    await tx.update(letterRecipients).set({ contactId: survivorId }).where(ofDuplicate(letterRecipients));

    // The duplicate goes before the survivor takes its email: emails are unique per person.
    await tx.delete(contacts).where(and(eq(contacts.userId, userId), eq(contacts.id, duplicateId)));
    await tx
      .update(contacts)
      .set({ ...plan.fields.update, updatedAt: sql`now()` })
      .where(and(eq(contacts.userId, userId), eq(contacts.id, survivorId)));
    await refreshLastLetters(tx, userId, { contactIds: [survivorId] });
    await recordActivity(tx, userId, {
      kind: 'contacts_merged',
      contactId: survivorId,
      detail: {
        mergedName: plan.duplicate.name,
        mergedEmail: plan.duplicate.email,
        applications: plan.applicationLinks.length,
        interviews: plan.interviews.length,
      },
    });
    return plan;
  });
}
