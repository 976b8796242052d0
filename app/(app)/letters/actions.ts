'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/action';
import { NOT_FOUND, UserError } from '@/lib/errors';
import { occasionFields } from '@/lib/letters/occasion';
import { resendReason } from '@/lib/letters/hold';
import { isPauseReason } from '@/lib/letters/pause';
import { MAX_UNDO_SECONDS } from '@/lib/letters/undo';
import type { LetterProblem } from '@/lib/letters/plan';
import type { SendLetterData, SentLetter } from '@/lib/letters/sent';
import { id, optionalId } from '@/lib/validation/fields';
import { clearContactAddressFlag } from '@/server/letters/clear-address-flag';
import { decideLetter } from '@/server/letters/decide-letter';
import { holdToRateLimit } from '@/server/limits/rate-limit';
import { type LetterPreview, previewOccasionLetter } from '@/server/letters/preview-letter';
import { sendFormLetters } from '@/server/follow-ups/send-plan-step';
import { letterWords } from '@/lib/letters/fill';
import { cancelLetter, type CancelOutcome } from '@/server/letters/cancel-letter';
import { rescheduleLetter, rewriteLetter } from '@/server/letters/reschedule-letter';
import { laterFields, withSendAt } from './schedule-schema';
import { templateText } from './schema';

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === '1', z.boolean());

const sendSchema = z
  .object({
    ...occasionFields,
    templateId: optionalId,
    separate: checkbox,
    test: checkbox,
    requestId: z.uuid({ error: 'Reload the page and try again.' }),
    subject: templateText('subject', 300),
    body: templateText('letter', 20_000),
    ...laterFields,
  })
  .transform(withSendAt);

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

function describe(sent: SentLetter[], alreadySent: boolean, test: boolean): { ok: boolean; message: string } {
  if (alreadySent) return { ok: true, message: 'Already sent: nothing was sent again. See it on the Letters page.' };
  const failed = sent.filter((l) => l.status === 'failed');
  if (failed.length > 0) return { ok: false, message: `Not sent. Resend refused it: ${sentence(resendReason(failed[0].lastError) ?? 'it gave no reason')}` };
  const scheduled = sent.filter((l) => l.status === 'scheduled' && l.scheduledFor);
  if (scheduled.length > 0) {
    const what = scheduled.length > 1 ? `${scheduled.length} letters` : test ? 'The test' : 'The letter';
    const at = scheduled[0].scheduledFor!;
    // The undo window is counted down on the page; a later time is said in words there.
    return at.getTime() - Date.now() <= MAX_UNDO_SECONDS * 1000
      ? { ok: true, message: `${what} will leave in a few seconds unless you undo it.` }
      : { ok: true, message: `${what} ${scheduled.length > 1 ? 'are' : 'is'} scheduled. It can be changed or stopped on the Letters page until it leaves.` };
  }
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

const letterSchema = z.object({ letterId: id });

const CANCEL_MESSAGES = {
  cancelled: { ok: true, message: 'Cancelled: nothing was sent. You can send it again whenever you like.' },
  already_cancelled: { ok: true, message: 'It was already cancelled: nothing was sent.' },
  already_gone: { ok: false, message: 'It has already gone: it was on its way before the undo arrived.' },
} as const;

/** The letters of one click, as Undo names them: comma-separated ids. */
const cancelSchema = z.object({
  letterIds: z
    .string()
    .max(40 * 20, { message: 'Too many letters at once.', abort: true })
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(id).min(1, 'Choose a letter.').max(20, 'Too many letters at once.')),
});

/**
 * Undo, or stopping a scheduled letter: only while it waits for its time.
 * The letters of one click are stopped together; if any had gone, the person is told.
 */
export const cancelLetterAction = authedAction('cancel letter', cancelSchema, async ({ letterIds }, user) => {
  const outcomes: CancelOutcome[] = [];
  for (const letterId of letterIds) outcomes.push(await cancelLetter(user.id, letterId));
  if (outcomes.includes('not_found')) throw new UserError(NOT_FOUND.letter);
  revalidatePath('/', 'layout');
  const worst = (['already_gone', 'already_cancelled', 'cancelled'] as const).find((o) => outcomes.includes(o))!;
  return CANCEL_MESSAGES[worst];
});

const rescheduleSchema = letterSchema.extend(laterFields).transform(withSendAt);

/** Another time for a scheduled letter: tomorrow morning their time, or a date and time. */
export const rescheduleLetterAction = authedAction('reschedule letter', rescheduleSchema, async ({ letterId, sendAt }, user) => {
  if (sendAt === null) throw new UserError('Choose when it should leave.');
  const outcome = await rescheduleLetter(user.id, letterId, sendAt);
  if (outcome === 'not_found') throw new UserError(NOT_FOUND.letter);
  if (outcome === 'already_gone') throw new UserError('It has already gone, so its time can no longer change.');
  revalidatePath(`/letters/${letterId}`);
  revalidatePath('/letters');
  return { ok: true, message: 'Rescheduled.' };
});

/** A scheduled letter's words are final: no {{…}} left to fill in. */
const rewriteSchema = letterSchema.extend(letterWords.shape);

/** New words for a scheduled letter, rendered again; its recipients stay. */
export const rewriteLetterAction = authedAction('edit scheduled letter', rewriteSchema, async ({ letterId, subject, body }, user) => {
  const outcome = await rewriteLetter(user.id, letterId, { subject, body });
  if (outcome === 'not_found') throw new UserError(NOT_FOUND.letter);
  if (outcome === 'already_gone') throw new UserError('It has already gone, so it can no longer be changed.');
  revalidatePath(`/letters/${letterId}`);
  revalidatePath('/letters');
  return { ok: true, message: 'Saved: the letter will leave with these words.' };
});
