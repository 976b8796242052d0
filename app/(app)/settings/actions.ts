'use server';

import { revalidatePath } from 'next/cache';
import { signOut } from '@/auth';
import { authedAction } from '@/lib/auth/action';
import { ACCOUNT_DELETED_PATH } from '@/lib/settings/delete-account';
import { REPLY_TO_LINK_REFUSED } from '@/lib/settings/reply-to';
import { RateLimited } from '@/server/limits/rate-limit';
import { confirmReplyTo } from '@/server/settings/confirm-reply-to';
import { deleteAccount } from '@/server/settings/delete-account';
import { resendReplyToLink } from '@/server/settings/resend-reply-to-link';
import { saveSettings as saveProfile } from '@/server/settings/save-settings';
import { confirmReplyToSchema, deleteAccountSchema, resendReplyToSchema, settingsSchema } from './schema';

export const saveSettings = authedAction('saveSettings', settingsSchema, async ({ digestTime, ...input }, user) => {
  let outcome;
  try {
    outcome = await saveProfile(user.id, { ...input, digestMinute: digestTime });
  } catch (error) {
    // Refused before anything was written: the limit is about the new address, so it is said there.
    if (error instanceof RateLimited) return { ok: false, message: 'Nothing was saved.', fieldErrors: { replyTo: [error.message] } };
    throw error;
  }
  revalidatePath('/', 'layout');
  if ('inUse' in outcome) return { ok: true, message: 'Settings saved.' };
  return {
    ok: true,
    message: outcome.mailed
      ? `Settings saved. We sent a link to ${outcome.waiting}; replies go there once you confirm it.`
      : `Settings saved. ${outcome.waiting} is still waiting for confirmation.`,
  };
});

export const resendReplyToLinkAction = authedAction('resendReplyToLink', resendReplyToSchema, async (_input, user) => {
  const address = await resendReplyToLink(user.id);
  return { ok: true, message: `We sent a new link to ${address}.` };
});

export const confirmReplyToAction = authedAction('confirmReplyTo', confirmReplyToSchema, async ({ token }, user) => {
  const address = await confirmReplyTo(user.id, token);
  if (!address) return { ok: false, message: REPLY_TO_LINK_REFUSED };
  // No revalidation: this page, rendered again, would find its link spent and
  // say so instead of the confirmation. Settings is read afresh when opened.
  return { ok: true, message: `Confirmed: replies to your letters now go to ${address}.` };
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
