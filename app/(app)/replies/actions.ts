'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/action';
import { REPLY_NEXT_STEPS } from '@/lib/replies/kinds';
import { id } from '@/lib/validation/fields';
import { addReplySenderAsContact, takeReplyStep } from '@/server/replies/act-on-reply';

const stepSchema = z.object({
  replyId: id,
  step: z.enum(REPLY_NEXT_STEPS, { error: 'Reload the page and try again.' }),
});

/** A reply's one-click step (the suggested move, or Mark as read); a move that needs more goes on to finish it. */
export const replyStepAction = authedAction('reply step', stepSchema, async ({ replyId, step }, user) => {
  const done = await takeReplyStep(user.id, replyId, step);
  revalidatePath('/dashboard');
  revalidatePath('/letters', 'layout');
  revalidatePath('/applications', 'layout');
  if (done.next) redirect(done.next);
  return { ok: true, message: done.message };
});

/** "Add as contact": the person who answered, though the letter was not to them. */
export const addReplyContactAction = authedAction('add reply contact', z.object({ replyId: id }), async ({ replyId }, user) => {
  const name = await addReplySenderAsContact(user.id, replyId);
  revalidatePath('/letters', 'layout');
  revalidatePath('/applications', 'layout');
  revalidatePath('/dashboard');
  return { ok: true, message: `${name} is now a contact on this application.` };
});
