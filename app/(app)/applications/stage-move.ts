import 'server-only';
import { revalidatePath } from 'next/cache';
import type { ActionState } from '@/lib/actions/state';
import { NOT_FOUND, UserError } from '@/lib/errors';
import { type ApplicationStage, stageLabel } from '@/lib/pipeline/stages';
import { plural } from '@/lib/words';
import { moveApplications, type StageMoves } from '@/server/applications/move-applications';

/*
 * The one stage move's words and refresh, for every place a person moves an
 * application: the board, the application's page, the table and the
 * dashboard. Not actions themselves: each caller's authedAction has checked
 * the session and the input.
 */

/** A move changes the board, the table, the application and the dashboard's lists: every page is refreshed. */
function refresh(moves: StageMoves) {
  if (moves.moved > 0) revalidatePath('/', 'layout');
}

/** One application to a stage, history and all. */
export async function moveOne(userId: string, applicationId: string, stage: ApplicationStage): Promise<ActionState> {
  const moves = await moveApplications(userId, [applicationId], stage);
  if (moves.notFound > 0) throw new UserError(NOT_FOUND.application);
  refresh(moves);
  return { ok: true, message: moves.moved ? `Moved to ${stageLabel(stage)}.` : `It was already in ${stageLabel(stage)}.` };
}

/** The table's selection to a stage; `malformed` ids from the form count as not found, like another person's. */
export async function moveMany(userId: string, applicationIds: string[], stage: ApplicationStage, malformed = 0): Promise<ActionState> {
  const moves = await moveApplications(userId, applicationIds, stage);
  const notFound = moves.notFound + malformed;
  const parts = [`Moved ${plural(moves.moved, 'application')} to ${stageLabel(stage)}.`];
  if (moves.already > 0) parts.push(`${plural(moves.already, 'was', 'were')} already there.`);
  if (notFound > 0) parts.push(`${notFound} could not be found.`);
  refresh(moves);
  return { ok: notFound === 0 || moves.moved > 0, message: parts.join(' ') };
}
