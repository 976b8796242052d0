'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { moveOne } from '@/app/(app)/applications/stage-move';
import { authedAction } from '@/lib/auth/action';
import { DUE_KINDS, SNOOZE_DAYS } from '@/lib/dashboard/due-rules';
import { id } from '@/lib/validation/fields';
import { markContactReplied, stopFollowingUp } from '@/server/contacts/follow-up-decisions';
import { dismissDueRow, snoozeFollowUp } from '@/server/dashboard/dismiss-due';

const kind = z.enum(DUE_KINDS, { error: 'Reload the page and try again.' });

/** Each intent with the subject it acts on; the fields another intent needs are ignored. */
const intentSchema = z.discriminatedUnion(
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
 * The dashboard's buttons share one form, so a button names its row in its
 * value: `dismiss:<kind>:<subject>`, `ghosted:<application>`, or
 * `snooze|stop|replied:<contact>`. That is read into the fields above,
 * which are then checked as any form's are.
 */
function rowFields(row: string) {
  const [intent, ...subject] = row.split(':');
  if (intent === 'dismiss') return { intent, kind: subject[0], subjectId: subject[1] };
  return { intent, [intent === 'ghosted' ? 'applicationId' : 'contactId']: subject[0] };
}

const rowSchema = z
  .object({ row: z.string({ error: 'Reload the page and try again.' }) })
  .transform(({ row }) => rowFields(row))
  .pipe(intentSchema);

/**
 * Every button under a row of "What is due": the pressed button says what
 * to do, to which row. Another person's subject is "not found", like a
 * missing one.
 */
export const dueRowAction = authedAction('due row', rowSchema, async (input, user) => {
  switch (input.intent) {
    case 'dismiss':
      await dismissDueRow(user.id, input.kind, input.subjectId);
      revalidatePath('/dashboard');
      return { ok: true, message: 'Dismissed.' };
    case 'snooze':
      await snoozeFollowUp(user.id, input.contactId);
      revalidatePath('/dashboard');
      return { ok: true, message: `Snoozed for ${SNOOZE_DAYS / 7} weeks.` };
    case 'stop': {
      const name = await stopFollowingUp(user.id, input.contactId);
      revalidatePath('/dashboard');
      revalidatePath(`/contacts/${input.contactId}`);
      return { ok: true, message: `No more follow-ups with ${name}. Turn them back on from their contact page.` };
    }
    case 'replied':
      await markContactReplied(user.id, input.contactId);
      revalidatePath('/dashboard');
      return { ok: true, message: 'Marked as replied.' };
    // "Mark as ghosted": the board's own stage move, history and all.
    case 'ghosted':
      return moveOne(user.id, input.applicationId, 'ghosted');
  }
});
