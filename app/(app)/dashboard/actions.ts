'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { moveOne } from '@/app/(app)/applications/stage-move';
import { dismissDue } from '@/db/queries/due/dismissals';
import { markReplied, stopFollowUps } from '@/db/queries/due/follow-ups';
import { authedAction } from '@/lib/auth/action';
import { DUE_KINDS, SNOOZE_DAYS } from '@/lib/dashboard/due-rules';
import { UserError } from '@/lib/errors';
import { daysAfter } from '@/lib/time/days';
import { id } from '@/lib/validation/fields';

const GONE = 'That item could not be found. It may have been deleted; reload the page.';

const kind = z.enum(DUE_KINDS, { error: 'Reload the page and try again.' });

/** Each intent with the subject it acts on; the fields another intent needs are ignored. */
const rowSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('dismiss'), kind, subjectId: id }),
    z.object({ intent: z.literal('snooze'), contactId: id }),
    z.object({ intent: z.literal('stop'), contactId: id }),
    z.object({ intent: z.literal('replied'), contactId: id }),
    z.object({ intent: z.literal('ghosted'), applicationId: id }),
  ],
  { error: 'Reload the page and try again.' },
);

/**
 * Every button under a row of "What is due", one form per row
 * (components/dashboard/due-action.tsx): the pressed button's intent says
 * what to do. Another person's subject is "not found", like a missing one.
 */
export const dueRowAction = authedAction('due row', rowSchema, async (input, user) => {
  switch (input.intent) {
    // "Dismiss": the row goes, and stays gone until what it is about changes.
    case 'dismiss':
      if (!(await dismissDue(user.id, { kind: input.kind, subjectId: input.subjectId }))) throw new UserError(GONE);
      revalidatePath('/dashboard');
      return { ok: true, message: 'Dismissed.' };
    // "Snooze": the follow-up comes back in two weeks.
    case 'snooze': {
      const until = daysAfter(new Date(), SNOOZE_DAYS);
      if (!(await dismissDue(user.id, { kind: 'follow_up', subjectId: input.contactId, until }))) throw new UserError(GONE);
      revalidatePath('/dashboard');
      return { ok: true, message: `Snoozed for ${SNOOZE_DAYS / 7} weeks.` };
    }
    // "Stop": no more follow-ups with this person; their contact page turns them back on.
    case 'stop': {
      const contact = await stopFollowUps(user.id, input.contactId);
      if (!contact) throw new UserError(GONE);
      revalidatePath('/dashboard');
      revalidatePath(`/contacts/${input.contactId}`);
      return { ok: true, message: `No more follow-ups with ${contact.name}. Turn them back on from their contact page.` };
    }
    // "They replied": the follow-up stops until the next letter to them.
    case 'replied':
      if (!(await markReplied(user.id, input.contactId))) throw new UserError(GONE);
      revalidatePath('/dashboard');
      return { ok: true, message: 'Marked as replied.' };
    // "Mark as ghosted": the board's own stage move, history and all.
    case 'ghosted':
      return moveOne(user.id, input.applicationId, 'ghosted');
  }
});
