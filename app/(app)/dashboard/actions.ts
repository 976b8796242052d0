'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { dismissDue } from '@/db/queries/due/dismissals';
import { markReplied, stopFollowUps } from '@/db/queries/due/follow-ups';
import { dueKind } from '@/db/schema';
import { authedAction } from '@/lib/actions/action';
import { daysAfter, SNOOZE_DAYS } from '@/lib/dashboard/due-rules';
import { UserError } from '@/lib/errors';
import { id } from '@/lib/validation/fields';

const GONE = 'That item could not be found. It may have been deleted; reload the page.';

const dismissSchema = z.object({ kind: z.enum(dueKind.enumValues, { error: 'Reload the page and try again.' }), subjectId: id });
const contactSchema = z.object({ contactId: id });

/** "Dismiss": the row goes, and stays gone until what it is about changes. */
export const dismissDueAction = authedAction('dismiss due', dismissSchema, async ({ kind, subjectId }, user) => {
  if (!(await dismissDue(user.id, { kind, subjectId }))) throw new UserError(GONE);
  revalidatePath('/dashboard');
  return { ok: true, message: 'Dismissed.' };
});

/** "Snooze": the follow-up comes back in two weeks. */
export const snoozeFollowUpAction = authedAction('snooze follow-up', contactSchema, async ({ contactId }, user) => {
  const until = daysAfter(new Date(), SNOOZE_DAYS);
  if (!(await dismissDue(user.id, { kind: 'follow_up', subjectId: contactId, until }))) throw new UserError(GONE);
  revalidatePath('/dashboard');
  return { ok: true, message: `Snoozed for ${SNOOZE_DAYS / 7} weeks.` };
});

/** "Stop": no more follow-ups with this person; their contact page turns them back on. */
export const stopFollowUpsAction = authedAction('stop follow-ups', contactSchema, async ({ contactId }, user) => {
  const contact = await stopFollowUps(user.id, contactId);
  if (!contact) throw new UserError(GONE);
  revalidatePath('/dashboard');
  revalidatePath(`/contacts/${contactId}`);
  return { ok: true, message: `No more follow-ups with ${contact.name}. Turn them back on from their contact page.` };
});

/** "They replied": the follow-up stops until the next letter to them. */
export const markRepliedAction = authedAction('mark replied', contactSchema, async ({ contactId }, user) => {
  if (!(await markReplied(user.id, contactId))) throw new UserError(GONE);
  revalidatePath('/dashboard');
  return { ok: true, message: 'Marked as replied.' };
});
