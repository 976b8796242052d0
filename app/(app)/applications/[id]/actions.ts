'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { changeStage, correctStageChangeDate, deleteApplication, setArchived } from '@/db/queries/applications';
import { authedAction } from '@/lib/auth/action';
import { UserError } from '@/lib/errors';
import { stageLabel } from '@/lib/pipeline/stages';
import { APPLICATION_NOT_FOUND, applicationIdSchema, archiveSchema, stageDateSchema, stageSchema } from './schema';

function refresh(applicationId: string) {
  revalidatePath(`/applications/${applicationId}`);
  revalidatePath('/applications');
}

export const moveStage = authedAction('moveStage', stageSchema, async ({ applicationId, stage }, user) => {
  const move = await changeStage(user.id, applicationId, stage);
  if (!move) throw new UserError(APPLICATION_NOT_FOUND);
  refresh(applicationId);
  return { ok: true, message: move.from === move.to ? `Already at ${stageLabel(stage)}.` : `Moved to ${stageLabel(stage)}.` };
});

export const archiveApplication = authedAction('archiveApplication', archiveSchema, async ({ applicationId, archived }, user) => {
  if ((await setArchived(user.id, [applicationId], archived)) === 0) throw new UserError(APPLICATION_NOT_FOUND);
  refresh(applicationId);
  return { ok: true, message: archived ? 'Archived: it no longer shows on the board.' : 'Restored to the board.' };
});

export const removeApplication = authedAction('removeApplication', applicationIdSchema, async ({ applicationId }, user) => {
  if (!(await deleteApplication(user.id, applicationId))) throw new UserError(APPLICATION_NOT_FOUND);
  revalidatePath('/applications');
  redirect('/applications');
});

export const correctStageDate = authedAction('correctStageDate', stageDateSchema, async (input, user) => {
  if (!(await correctStageChangeDate(user.id, input.stageChangeId, input.changedAt))) {
    throw new UserError('That stage move could not be found. It may have been deleted.');
  }
  refresh(input.applicationId);
  return { ok: true, message: 'Date corrected.' };
});
