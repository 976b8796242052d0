'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/auth/action';
import { NOT_FOUND, UserError } from '@/lib/errors';
import { saveImpression } from '@/server/interviews/save-impression';
import { impressionSchema } from './schema';

export const saveImpressionAction = authedAction('saveImpression', impressionSchema, async ({ applicationId, interviewId, impression }, user) => {
  if (!(await saveImpression(user.id, applicationId, interviewId, impression))) throw new UserError(NOT_FOUND.interview);
  revalidatePath('/dashboard');
  revalidatePath(`/applications/${applicationId}`);
  // Next, the thank-you it was missing: the dashboard has it ready to send.
  redirect('/dashboard');
});
