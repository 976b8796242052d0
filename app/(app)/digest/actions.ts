'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/auth/action';
import { sendFromDigest } from '@/server/digest/send-from-digest';
import { DIGEST_LINK_REFUSED } from './words';
import { digestSendSchema } from './schema';

/** Send, on a digest link's page: the only way a digest link sends anything. */
export const sendFromDigestAction = authedAction('sendFromDigest', digestSendSchema, async ({ token }, user) => {
  const result = await sendFromDigest(user.id, token);
  if (result.outcome === 'not_found') return { ok: false, message: DIGEST_LINK_REFUSED };
  if (result.outcome === 'problems') return { ok: false, message: result.problems.map((p) => p.message).join(' ') };
  revalidatePath('/', 'layout');
  // The letter's own page says where it is (and offers Undo while it waits); several go to the list.
  redirect(result.letterIds.length === 1 ? `/letters/${result.letterIds[0]}` : '/letters');
});
