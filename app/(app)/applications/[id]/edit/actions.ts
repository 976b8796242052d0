'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/auth/action';
import { updateApplication } from '@/server/applications/update-application';
import { applicationSchema } from './schema';

export const saveApplication = authedAction('saveApplication', applicationSchema, async ({ applicationId, ...fields }, user) => {
  await updateApplication(user.id, applicationId, fields);
  revalidatePath(`/applications/${applicationId}`);
  revalidatePath('/applications');
  redirect(`/applications/${applicationId}`);
});
