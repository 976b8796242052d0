import type { ContactRole } from '@/lib/pipeline/labels';

/*
 * Merging two contacts who are one person: what the survivor keeps. The
 * confirm page shows the plan these rules make, and the merge carries out
 * that same plan, so what the person agreed to is what happens.
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
type Fillable = (typeof FILLABLE)[number];
type MergeableContact = Record<Fillable | 'companyId' | 'notes', string | null> & { name: string; company: string | null };
export type FieldUpdate = Partial<Record<Fillable | 'companyId' | 'notes', string>>;

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
