'use server';

import { revalidatePath } from 'next/cache';
import { signOut } from '@/auth';
import { authedAction } from '@/lib/auth/action';
import { ACCOUNT_DELETED_PATH } from '@/lib/settings/delete-account';
import { deleteAccount } from '@/server/settings/delete-account';
import { saveSettings as saveProfile } from '@/server/settings/save-settings';
import { deleteAccountSchema, settingsSchema } from './schema';

export const saveSettings = authedAction('saveSettings', settingsSchema, async (input, user) => {
  await saveProfile(user.id, input);
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Settings saved.' };
});

export const deleteMyAccount = authedAction('deleteAccount', deleteAccountSchema, async ({ email }, user) => {
  const result = await deleteAccount(user.id, email);
  if (!result.deleted) {
    return {
      ok: false,
      message: 'Nothing was deleted.',
      fieldErrors: { email: ['That is not this account’s address. Type it as it is shown above.'] },
    };
  }
  // The sessions went with the account; this clears the browser's cookie and redirects (the wrapper lets it through).
  await signOut({ redirectTo: ACCOUNT_DELETED_PATH });
});
