'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { deleteInterview, logInterview, PrimaryRequiredError, updateInterview } from '@/db/queries/interviews';
import type { ActionState } from '@/lib/actions/state';
import { authedAction } from '@/lib/auth/action';
import { UserError } from '@/lib/errors';
import { APPLICATION_NOT_FOUND } from '../schema';
import { interviewRefSchema, interviewSchema } from './schema';

const INTERVIEW_NOT_FOUND = 'That interview could not be found. It may have been deleted.';

/** "Nobody is primary" belongs next to the primary choice, not only at the top of the form. */
async function withPrimaryField(work: () => Promise<void>): Promise<ActionState | undefined> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof PrimaryRequiredError)) throw error;
    return { ok: false, message: error.message, fieldErrors: { primary: [error.message] } };
  }
}

export const saveNewInterview = authedAction('logInterview', interviewSchema, async ({ applicationId, input }, user) => {
  const refused = await withPrimaryField(async () => {
    if (!(await logInterview(user.id, applicationId, input))) throw new UserError(APPLICATION_NOT_FOUND);
  });
  if (refused) return refused;
  revalidatePath(`/applications/${applicationId}`);
  revalidatePath('/applications');
  redirect(`/applications/${applicationId}#interviews`);
});

export const saveInterview = authedAction('updateInterview', interviewSchema, async ({ applicationId, interviewId, input }, user) => {
  const refused = await withPrimaryField(async () => {
    if (!interviewId || !(await updateInterview(user.id, applicationId, interviewId, input))) throw new UserError(INTERVIEW_NOT_FOUND);
  });
  if (refused) return refused;
  revalidatePath(`/applications/${applicationId}`);
  redirect(`/applications/${applicationId}#interviews`);
});

export const removeInterview = authedAction('removeInterview', interviewRefSchema, async ({ applicationId, interviewId }, user) => {
  if (!(await deleteInterview(user.id, applicationId, interviewId))) throw new UserError(INTERVIEW_NOT_FOUND);
  revalidatePath(`/applications/${applicationId}`);
  redirect(`/applications/${applicationId}#interviews`);
});
