import 'server-only';
import { revalidatePath } from 'next/cache';
import { changeStage } from '@/db/queries/applications';
import type { ActionState } from '@/lib/actions/state';
import { UserError } from '@/lib/errors';
import { type ApplicationStage, stageLabel } from '@/lib/pipeline/stages';

/**
 * One application to a stage, history and all: the board's move, and the
 * dashboard's "Mark as ghosted". Not an action itself; each caller's
 * authedAction has checked the session and the input.
 */
export async function moveToStage(userId: string, applicationId: string, stage: ApplicationStage): Promise<ActionState> {
  const move = await changeStage(userId, applicationId, stage);
  if (!move) throw new UserError('That application could not be found. It may have been deleted.');
  if (move.from === move.to) return { ok: true, message: `It was already in ${stageLabel(move.to)}.` };
  revalidatePath('/', 'layout');
  return { ok: true, message: `Moved to ${stageLabel(move.to)}.` };
}
