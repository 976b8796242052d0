'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { updateApplication } from '@/db/queries/applications';
import { authedAction } from '@/lib/auth/action';
import { UserError } from '@/lib/errors';
import { APPLICATION_NOT_FOUND } from '../schema';
import { applicationSchema } from './schema';

export const saveApplication = authedAction('saveApplication', applicationSchema, async ({ applicationId, ...fields }, user) => {
  if (!(await updateApplication(user.id, applicationId, fields))) throw new UserError(APPLICATION_NOT_FOUND);
  revalidatePath(`/applications/${applicationId}`);
  revalidatePath('/applications');
  redirect(`/applications/${applicationId}`);
});
