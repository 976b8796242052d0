'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/auth/action';
import { plural } from '@/lib/words';
import { archiveApplications } from '@/server/applications/archive-applications';
import { createApplication } from '@/server/applications/create-application';
import { type BoardCard, moreBoardCards } from '@/db/queries/pipeline';
import { bulkSchema, moreCardsSchema, moveSchema, newApplicationSchema } from './schema';
import { moveMany, moveOne } from './stage-move';

export const addApplication = authedAction('addApplication', newApplicationSchema, async (input, user) => {
  const { id } = await createApplication(user.id, input);
  revalidatePath('/', 'layout');
  redirect(`/applications/${id}`);
});

/** One card moved on the board (by drag, keyboard or the stage menu). */
export const moveApplication = authedAction('moveApplication', moveSchema, (input, user) =>
  moveOne(user.id, input.applicationId, input.stage),
);

/** A board column's next cards, after the last one it shows; only ever the person's own. */
export const loadMoreCards = authedAction<typeof moreCardsSchema, BoardCard[]>('loadMoreCards', moreCardsSchema, async (input, user) => ({
  ok: true,
  data: await moreBoardCards(user.id, {
    stage: input.stage,
    includeArchived: input.archived === 'shown',
    after: { at: input.afterAt, id: input.afterId },
  }),
}));

/**
 * The table's bulk actions. Every id is looked up within the person's own
 * applications; the rest (someone else's, deleted, malformed) are counted
 * and reported as not found, and nothing happens to them.
 */
export const updateSelectedApplications = authedAction('updateSelectedApplications', bulkSchema, async (input, user) => {
  const { valid, malformed } = input.ids;
  if (input.intent === 'move' && input.stage) return moveMany(user.id, valid, input.stage, malformed);

  const archived = input.intent === 'archive';
  const changed = await archiveApplications(user.id, valid, archived);
  const notFound = malformed + valid.length - changed;
  const parts = [`${archived ? 'Archived' : 'Unarchived'} ${plural(changed, 'application')}.`];
  if (notFound > 0) parts.push(`${notFound} could not be found.`);
  if (changed > 0) revalidatePath('/', 'layout');
  return { ok: notFound === 0 || changed > 0, message: parts.join(' ') };
});
