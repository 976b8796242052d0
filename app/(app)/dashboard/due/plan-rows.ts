import type { FollowUpDue } from '@/db/queries/due/follow-ups';
import type { DueList } from '@/db/queries/due/shared';

/**
 * A person whose follow-up plan row is listed is not listed again under the
 * older per-contact cadence the same day: one follow-up to them, from the
 * plan (its letter counts for the cadence too, so that row then goes away).
 * Only the rows loaded are compared, so a list opened to "show more" may
 * still name someone twice.
 */
export function withoutPlanContacts(followUps: DueList<FollowUpDue>, plans: { facts: { contactId: string | null } }[]) {
  const planned = new Set(plans.map((p) => p.facts.contactId));
  const rows = followUps.rows.filter((row) => !planned.has(row.contactId));
  return { rows, total: followUps.total - (followUps.rows.length - rows.length) };
}
