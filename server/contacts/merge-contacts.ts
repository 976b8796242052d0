import 'server-only';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { recordActivity } from '@/db/queries/activity';
import { contactEventCount, contactPair, dropLinks, lockContactPair, reassignContact } from '@/db/queries/contact-merge';
import { contactApplications, contactInterviews } from '@/db/queries/contact-page';
import { deleteContactRow, linkContact, updateContactFields } from '@/db/queries/contacts';
import { refreshLastLetters } from '@/db/queries/last-letter';
import { mergedFields, mergedLink } from '@/lib/contacts/merge-rules';

/** What merging `duplicateId` into `survivorId` would do, or null unless both are this person's and distinct. */
export async function planMerge(userId: string, survivorId: string, duplicateId: string, tx: Executor = db) {
  if (survivorId === duplicateId) return null;
  const pair = await contactPair(tx, userId, survivorId, duplicateId);
  if (!pair) return null;

  const [links, survivorLinks, attended, survivorAttended, events] = await Promise.all([
    contactApplications(userId, duplicateId, tx),
    contactApplications(userId, survivorId, tx),
    contactInterviews(userId, duplicateId, tx),
    contactInterviews(userId, survivorId, tx),
    contactEventCount(tx, userId, duplicateId),
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
 * A person merges two contacts who are one person: everything moves from the
 * duplicate to the survivor and the duplicate is deleted, in one transaction,
 * so on any failure both stay as they were. Both rows are locked first, so a
 * link being added to the duplicate meanwhile waits, then fails, instead of
 * vanishing with it. Null unless both are the person's and distinct.
 */
export async function mergeContacts(userId: string, survivorId: string, duplicateId: string) {
  if (survivorId === duplicateId) return null;
  return db.transaction(async (tx) => {
    if (!(await lockContactPair(tx, userId, [survivorId, duplicateId]))) return null;
    const plan = (await planMerge(userId, survivorId, duplicateId, tx))!;

    // Where both were linked, the duplicate's link goes before the survivor's
    // takes its place, so the one-primary index never sees two.
    const shared = plan.applicationLinks.filter((link) => link.survivorLink);
    await dropLinks(tx, userId, duplicateId, shared.map((l) => l.applicationId));
    for (const link of shared) {
      await linkContact(tx, userId, { applicationId: link.applicationId, contactId: survivorId, ...link.result });
    }
    await reassignContact(tx, userId, duplicateId, survivorId, plan.interviews.filter((i) => i.shared).map((i) => i.id));

    // The duplicate goes before the survivor takes its email: emails are unique per person.
    await deleteContactRow(tx, userId, duplicateId);
    await updateContactFields(tx, userId, survivorId, plan.fields.update);
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
