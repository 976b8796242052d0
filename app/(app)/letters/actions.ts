'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getContact } from '@/db/queries/contacts';
import { occasionLetterContext } from '@/db/queries/letter-context';
import { effectiveTemplate } from '@/db/queries/letter-templates';
import { clearAddressFlag } from '@/db/queries/letters-sent';
import { authedAction } from '@/lib/auth/action';
import { UserError } from '@/lib/errors';
import { occasionFields } from '@/lib/letters/occasion';
import type { LetterProblem } from '@/lib/letters/plan';
import { parseTemplate } from '@/lib/letters/template';
import { id, optionalId } from '@/lib/validation/fields';
import { type LetterPreview, previewFirstLetter } from '@/server/letters/preview-letter';
import { decideLetter, sendLetters, type SentLetter } from '@/server/letters/send-letters';

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === '1', z.boolean());

/** Edits made on the compose page; fields are allowed and filled per person, unknown ones refused. */
const templateText = (label: string, max: number) =>
  z
    .string()
    .max(max, `Keep the ${label} under ${max.toLocaleString('en-US')} characters.`)
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      const parsed = parseTemplate(value);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    });

const sendSchema = z.object({
  ...occasionFields,
  templateId: optionalId,
  separate: checkbox,
  test: checkbox,
  requestId: z.uuid({ error: 'Reload the page and try again.' }),
  subject: templateText('subject', 300),
  body: templateText('letter', 20_000),
});

export type SendLetterData = { letters?: SentLetter[]; problems?: LetterProblem[] };

function describe(sent: SentLetter[], alreadySent: boolean, test: boolean): { ok: boolean; message: string } {
  if (alreadySent) return { ok: true, message: 'Already sent: nothing was sent again. See it on the Letters page.' };
  const failed = sent.filter((l) => l.status === 'failed');
  if (failed.length > 0) return { ok: false, message: `Not sent. ${failed[0].lastError ?? 'Resend refused it.'}` };
  const waiting = sent.filter((l) => l.status === 'queued');
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

/**
 * The one-click send, and the compose page's send. Everything comes from the
 * server: the occasion's facts, the template, the person's own address.
 */
export const sendLetterAction = authedAction<typeof sendSchema, SendLetterData>(
  'send letter',
  sendSchema,
  async (input, user) => {
    const context = await occasionLetterContext(user.id, input);
    if (!context) throw new UserError('That letter’s interview or application no longer exists.');
    const chosen = await effectiveTemplate(user.id, context.kind, input.templateId);
    if (!chosen) throw new UserError('That template no longer exists. Choose another.');
    const template = {
      // Letters keep the id of a person's own template only; a built-in is known by its name.
      id: chosen.builtin ? null : chosen.id,
      name: chosen.name,
      subject: input.subject ?? chosen.subject,
      body: input.body ?? chosen.body,
    };
    const result = await sendLetters(user.id, {
      context,
      template,
      separate: input.separate,
      test: input.test,
      requestId: input.requestId,
    });
    if (!result.ok) {
      return { ok: false, message: 'Not sent yet. Fill in what is missing, then send.', data: { problems: result.problems } };
    }
    revalidatePath(`/applications/${context.applicationId}`);
    revalidatePath('/letters');
    revalidatePath('/dashboard');
    return { ...describe(result.letters, result.alreadySent, input.test), data: { letters: result.letters } };
  },
);

const decideSchema = z.object({ letterId: id, choice: z.enum(['send_again', 'discard'], { error: 'Choose what to do.' }) });

/** Send again with a new key, or discard: only for a letter waiting on the person's decision. */
export const decideLetterAction = authedAction('decide on letter', decideSchema, async ({ letterId, choice }, user) => {
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

/**
 * The compose page's live preview: the same plan and the same renderer as
 * sending, for the first letter. Nothing is written.
 */
export const previewLetterAction = authedAction<typeof previewSchema, { preview?: LetterPreview | null; problems?: LetterProblem[] }>(
  'preview letter',
  previewSchema,
  async (input, user) => {
    const context = await occasionLetterContext(user.id, input);
    if (!context) throw new UserError('That letter’s interview or application no longer exists.');
    const result = await previewFirstLetter(context, { subject: input.subject ?? '', body: input.body ?? '' }, input.separate);
    return { ok: result.preview !== null, message: result.preview ? undefined : 'Not ready to send yet.', data: result };
  },
);

const clearFlagSchema = z.object({ contactId: id });

/** Letters may go to a contact's flagged address again, once the person has checked it. */
export const clearAddressFlagAction = authedAction('clear address flag', clearFlagSchema, async ({ contactId }, user) => {
  const contact = await getContact(user.id, contactId);
  if (!contact?.email || !(await clearAddressFlag(user.id, contact.email))) {
    throw new UserError('That address is not flagged any more.');
  }
  revalidatePath(`/contacts/${contactId}`);
  return { ok: true, message: `Letters can go to ${contact.email} again.` };
});
