'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/auth/action';
import { saveSettings as saveProfile } from '@/server/settings/save-settings';
import { settingsSchema } from './schema';

export const saveSettings = authedAction('saveSettings', settingsSchema, async (input, user) => {
  await saveProfile(user.id, input);
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Settings saved.' };
});
