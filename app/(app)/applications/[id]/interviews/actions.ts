'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionState } from '@/lib/actions/state';
import { authedAction } from '@/lib/auth/action';
import { NOT_FOUND, UserError } from '@/lib/errors';
import { deleteInterview } from '@/server/interviews/delete-interview';
import { logInterview, PrimaryRequiredError, updateInterview } from '@/server/interviews/log-interview';
import { interviewRefSchema, interviewSchema } from './schema';

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
    if (!(await logInterview(user.id, applicationId, input))) throw new UserError(NOT_FOUND.application);
  });
  if (refused) return refused;
  revalidatePath(`/applications/${applicationId}`);
  revalidatePath('/applications');
  redirect(`/applications/${applicationId}#interviews`);
});

export const saveInterview = authedAction('updateInterview', interviewSchema, async ({ applicationId, interviewId, input }, user) => {
  const refused = await withPrimaryField(async () => {
    if (!interviewId || !(await updateInterview(user.id, applicationId, interviewId, input))) throw new UserError(NOT_FOUND.interview);
  });
  if (refused) return refused;
  revalidatePath(`/applications/${applicationId}`);
  redirect(`/applications/${applicationId}#interviews`);
});

export const removeInterview = authedAction('removeInterview', interviewRefSchema, async ({ applicationId, interviewId }, user) => {
  if (!(await deleteInterview(user.id, applicationId, interviewId))) throw new UserError(NOT_FOUND.interview);
  revalidatePath(`/applications/${applicationId}`);
  redirect(`/applications/${applicationId}#interviews`);
});
