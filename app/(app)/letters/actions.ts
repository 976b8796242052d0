'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/action';
import { UserError } from '@/lib/errors';
import { occasionFields } from '@/lib/letters/occasion';
import { isPauseReason } from '@/lib/letters/pause';
import type { LetterProblem } from '@/lib/letters/plan';
import type { SendLetterData, SentLetter } from '@/lib/letters/sent';
import { id, optionalId } from '@/lib/validation/fields';
import { clearContactAddressFlag } from '@/server/letters/clear-address-flag';
import { decideLetter } from '@/server/letters/decide-letter';
import { holdToRateLimit } from '@/server/limits/rate-limit';
import { type LetterPreview, previewOccasionLetter } from '@/server/letters/preview-letter';
import { sendFormLetters } from '@/server/follow-ups/send-plan-step';
import { templateText } from './schema';

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === '1', z.boolean());

const sendSchema = z.object({
  ...occasionFields,
  templateId: optionalId,
  separate: checkbox,
  test: checkbox,
  requestId: z.uuid({ error: 'Reload the page and try again.' }),
  subject: templateText('subject', 300),
  body: templateText('letter', 20_000),
});

function describe(sent: SentLetter[], alreadySent: boolean, test: boolean): { ok: boolean; message: string } {
  if (alreadySent) return { ok: true, message: 'Already sent: nothing was sent again. See it on the Letters page.' };
  const failed = sent.filter((l) => l.status === 'failed');
  if (failed.length > 0) return { ok: false, message: `Not sent. ${failed[0].lastError ?? 'Resend refused it.'}` };
  const waiting = sent.filter((l) => l.status === 'queued');
  const paused = waiting.find((l) => isPauseReason(l.lastError));
  if (paused) return { ok: true, message: `Queued, not sent yet. ${paused.lastError}` };
  if (waiting.length > 0) {
    return {
      ok: true,
      message: `${waiting.length === sent.length ? 'Queued' : `${sent.length - waiting.length} sent, ${waiting.length} queued`}: Resend is busy, so Afterword will keep trying. The Letters page shows when it goes.`,
    };
  }
  const to = [...new Set(sent.map((l) => l.to))].join(', ');
  if (sent.every((l) => l.deliveredLocally)) {
    return { ok: true, message: `Delivered to the local outbox for ${to}. Nothing leaves this machine until Resend is set up.` };
  }
  if (test) return { ok: true, message: `Test sent to ${to}.` };
  return { ok: true, message: sent.length > 1 ? `Sent ${sent.length} letters: ${to}.` : `Sent to ${to}.` };
}

/** The one-click send, and the compose page's send. */
export const sendLetterAction = authedAction<typeof sendSchema, SendLetterData>('send letter', sendSchema, async (input, user) => {
  await holdToRateLimit('letterSend', user.id);
  const result = await sendFormLetters(user.id, input);
  if (!result.ok) {
    return { ok: false, message: 'Not sent yet. Fill in what is missing, then send.', data: { problems: result.problems } };
  }
  revalidatePath(`/applications/${result.applicationId}`);
  revalidatePath('/letters');
  revalidatePath('/dashboard');
  return { ...describe(result.letters, result.alreadySent, input.test), data: { letters: result.letters } };
});

const decideSchema = z.object({ letterId: id, choice: z.enum(['send_again', 'discard'], { error: 'Choose what to do.' }) });

/** Send again with a new key, or discard: only for a letter waiting on the person's decision. */
export const decideLetterAction = authedAction('decide on letter', decideSchema, async ({ letterId, choice }, user) => {
  if (choice === 'send_again') await holdToRateLimit('letterSend', user.id);
  if (!(await decideLetter(user.id, letterId, choice))) throw new UserError('That letter is no longer waiting for a decision.');
  revalidatePath(`/letters/${letterId}`);
  revalidatePath('/letters');
  return { ok: true, message: choice === 'send_again' ? 'Sending it again.' : 'Discarded.' };
});

const previewSchema = z.object({
  ...occasionFields,
  separate: checkbox,
  subject: templateText('subject', 300),
  body: templateText('letter', 20_000),
});

/** The compose page's live preview: the same plan and the same renderer as sending, for the first letter. Nothing is written. */
export const previewLetterAction = authedAction<typeof previewSchema, { preview?: LetterPreview | null; problems?: LetterProblem[] }>(
  'preview letter',
  previewSchema,
  async (input, user) => {
    await holdToRateLimit('letterPreview', user.id);
    const result = await previewOccasionLetter(user.id, input, { subject: input.subject ?? '', body: input.body ?? '', separate: input.separate });
    return { ok: result.preview !== null, message: result.preview ? undefined : 'Not ready to send yet.', data: result };
  },
);

const clearFlagSchema = z.object({ contactId: id });

/** Letters may go to a contact's flagged address again, once the person has checked it. */
export const clearAddressFlagAction = authedAction('clear address flag', clearFlagSchema, async ({ contactId }, user) => {
  const email = await clearContactAddressFlag(user.id, contactId);
  revalidatePath(`/contacts/${contactId}`);
  return { ok: true, message: `Letters can go to ${email} again.` };
});
