'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/auth/action';
import { NOT_FOUND, UserError } from '@/lib/errors';
import { archiveApplications } from '@/server/applications/archive-applications';
import { correctStageChangeDate } from '@/server/applications/correct-stage-date';
import { deleteApplication } from '@/server/applications/delete-application';
import { moveSchema } from '../schema';
import { moveOne } from '../stage-move';
import { applicationIdSchema, archiveSchema, stageDateSchema } from './schema';

function refresh(applicationId: string) {
  revalidatePath(`/applications/${applicationId}`);
  revalidatePath('/applications');
}

/** The application page's stage form: the board's own move. */
export const moveStage = authedAction('moveStage', moveSchema, (input, user) => moveOne(user.id, input.applicationId, input.stage));

export const archiveApplication = authedAction('archiveApplication', archiveSchema, async ({ applicationId, archived }, user) => {
  if ((await archiveApplications(user.id, [applicationId], archived)) === 0) throw new UserError(NOT_FOUND.application);
  refresh(applicationId);
  return { ok: true, message: archived ? 'Archived: it no longer shows on the board.' : 'Restored to the board.' };
});

export const removeApplication = authedAction('removeApplication', applicationIdSchema, async ({ applicationId }, user) => {
  if (!(await deleteApplication(user.id, applicationId))) throw new UserError(NOT_FOUND.application);
  revalidatePath('/applications');
  redirect('/applications');
});

export const correctStageDate = authedAction('correctStageDate', stageDateSchema, async (input, user) => {
  await correctStageChangeDate(user.id, input.stageChangeId, input.changedAt);
  refresh(input.applicationId);
  return { ok: true, message: 'Date corrected.' };
});
