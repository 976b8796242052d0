/**
 * A person whose follow-up plan row is listed is not listed again under the
 * older per-contact cadence the same day: one follow-up to them, from the
 * plan (its letter counts for the cadence too, so that row then goes away).
 * Only the rows loaded are compared, so a list opened to "show more" may
 * still name someone twice. The dashboard and the digest both list them so.
 */
export function withoutPlanContacts<Row extends { contactId: string }>(
  followUps: { rows: Row[]; total: number },
  plans: { facts: { contactId: string | null } }[],
): { rows: Row[]; total: number } {
  const planned = new Set(plans.map((p) => p.facts.contactId));
  const rows = followUps.rows.filter((row) => !planned.has(row.contactId));
  return { rows, total: followUps.total - (followUps.rows.length - rows.length) };
}
