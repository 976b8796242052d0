'use server';

import { revalidatePath } from 'next/cache';
import { updateProfile } from '@/db/queries/users';
import { authedAction } from '@/lib/auth/action';
import { UserError } from '@/lib/errors';
import { settingsSchema } from './schema';

export const saveSettings = authedAction('saveSettings', settingsSchema, async (input, user) => {
  if (!(await updateProfile(user.id, input))) throw new UserError('Your account could not be found. Sign in again.');
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Settings saved.' };
});
