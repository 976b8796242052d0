'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { db } from '@/db';
import { changeStage, createApplication, setArchived } from '@/db/queries/applications';
import { authedAction } from '@/lib/auth/action';
import { stageLabel } from '@/lib/pipeline/stages';
import { plural } from '@/lib/words';
import { moveToStage } from './move';
import { bulkSchema, moveSchema, newApplicationSchema } from './schema';

export const addApplication = authedAction('addApplication', newApplicationSchema, async (input, user) => {
  const { id } = await createApplication(user.id, input);
  revalidatePath('/', 'layout');
  redirect(`/applications/${id}`);
});

/** One card moved on the board (by drag, keyboard or the stage menu). */
export const moveApplication = authedAction('moveApplication', moveSchema, (input, user) =>
  moveToStage(user.id, input.applicationId, input.stage),
);

/**
 * The table's bulk actions. Every id is looked up within the person's own
 * applications; the rest (someone else's, deleted, malformed) are counted
 * and reported as not found, and nothing happens to them.
 */
export const updateSelectedApplications = authedAction('updateSelectedApplications', bulkSchema, async (input, user) => {
  const { valid, malformed } = input.ids;
  let notFound = malformed;
  let changed = 0;
  const parts: string[] = [];

  if (input.intent === 'move' && input.stage) {
    const to = input.stage;
    // One transaction, rows taken in a fixed order, so two bulk moves cannot deadlock.
    const moves = await db.transaction(async (tx) => {
      const results = [];
      for (const applicationId of [...valid].sort()) results.push(await changeStage(user.id, applicationId, to, { tx }));
      return results;
    });
    changed = moves.filter((m) => m && m.from !== m.to).length;
    const already = moves.filter((m) => m && m.from === m.to).length;
    notFound += moves.filter((m) => !m).length;
    parts.push(`Moved ${plural(changed, 'application', 'applications')} to ${stageLabel(to)}.`);
    if (already > 0) parts.push(`${plural(already, 'was', 'were')} already there.`);
  } else {
    const archived = input.intent === 'archive';
    changed = await setArchived(user.id, valid, archived);
    notFound += valid.length - changed;
    parts.push(`${archived ? 'Archived' : 'Unarchived'} ${plural(changed, 'application', 'applications')}.`);
  }

  if (notFound > 0) parts.push(`${notFound} could not be found.`);
  if (changed > 0) revalidatePath('/', 'layout');
  return { ok: notFound === 0 || changed > 0, message: parts.join(' ') };
});
