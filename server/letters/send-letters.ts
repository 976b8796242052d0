import 'server-only';
import { occasionLetterContext } from '@/db/queries/letter-context';
import { effectiveTemplate } from '@/db/queries/letter-templates';
import { sendingStatuses } from '@/db/queries/letters';
import { NOT_FOUND, UserError } from '@/lib/errors';
import type { Occasion } from '@/lib/letters/occasion';
import { recipientZone, tomorrowMorning } from '@/lib/letters/schedule';
import type { SentLetter } from '@/lib/letters/sent';
import { pacer } from '@/server/mail/pacer';
import { wakeSender, wakeSenderAt } from '@/server/queue/worker';
import { deliverLetter, INLINE_TIMEOUT_MS } from './deliver-letter';
import { type LetterRequest, queueLetters, type QueueResult } from './queue-letters';

/** Longer than this, and a click would feel stuck: the queue sends it instead. */
const INLINE_WAIT_LIMIT_MS = 1500;

export type SendResult =
  | { ok: true; letters: SentLetter[]; alreadySent: boolean }
  | Extract<QueueResult, { ok: false }>;

/** What a send button or the compose page asks for: the occasion, the template, and any edits made to it for this letter. */
export type SendChoice = Occasion &
  Pick<LetterRequest, 'automatic' | 'plan' | 'inTransaction'> & {
    /** Send later: a moment, or 08:30 tomorrow where the recipient is. Absent, now (after the undo window). */
    sendAt?: Date | 'tomorrow_morning' | null;
    templateId?: string | null;
    subject?: string;
    body?: string;
    separate: boolean;
    test: boolean;
    requestId: string;
  };

/**
 * The one way a person's letters are sent, from the one-click button, the
 * compose page or the dashboard: the occasion's facts, the template and the
 * person's own address all come from the server, never from the form.
 */
export async function sendOccasionLetters(userId: string, choice: SendChoice): Promise<SendResult & { applicationId: string }> {
  const context = await occasionLetterContext(userId, choice);
  if (!context) throw new UserError(NOT_FOUND.occasion);
  const chosen = await effectiveTemplate(userId, context.kind, choice.templateId);
  if (!chosen) throw new UserError('That template no longer exists. Choose another.');
  const template = {
    // Letters keep the id of a person's own template only; a built-in is known by its name.
    id: chosen.builtin ? null : chosen.id,
    name: chosen.name,
    subject: choice.subject ?? chosen.subject,
    body: choice.body ?? chosen.body,
  };
  const result = await sendLetters(userId, {
    context,
    template,
    separate: choice.separate,
    test: choice.test,
    requestId: choice.requestId,
    sendAt: choice.sendAt === 'tomorrow_morning' ? tomorrowMorning(new Date(), recipientZone(context)) : choice.sendAt,
    automatic: choice.automatic,
    plan: choice.plan,
    inTransaction: choice.inTransaction,
  });
  return { ...result, applicationId: context.applicationId };
}

/**
 * One click: write the letters. A scheduled letter (the undo window, or a
 * time the person chose) is left to the queue, which wakes at its time; with
 * the undo window off, the letters are handed to Resend at once when the
 * rate limit allows, so the person sees "sent" or why not in the same
 * response. Anything not sent now (Resend busy, rate limit, outage) stays
 * queued and the worker sends it; the sender's claim makes sure only one of
 * them ever does.
 */
export async function sendLetters(userId: string, request: LetterRequest): Promise<SendResult> {
  const queued = await queueLetters(userId, request);
  if (!queued.ok) return queued;
  const ids = queued.letters.map((l) => l.id);

  if (!queued.alreadySent) {
    // A scheduled letter's wake-up was queued with it, in queueLetters' transaction.
    const left: string[] = [];
    for (const { id } of queued.letters.filter((l) => !l.scheduledFor)) {
      // A slot further off than the click will wait is left for the queue's sender to take.
      const wait = await pacer.reserve(INLINE_WAIT_LIMIT_MS);
      if (wait === null) {
        left.push(id);
        continue;
      }
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const result = await deliverLetter(id, { timeoutMs: INLINE_TIMEOUT_MS });
      // A retry leaves when its backoff says, as a job of its own, not at the next sweep.
      if (result.outcome === 'retry') await wakeSenderAt(id, result.retryAt);
      if (result.outcome === 'not_due') left.push(id);
    }
    if (left.length > 0) await wakeSender(left);
    // Nothing was handed over: the click answers from what it wrote.
    if (queued.letters.every((l) => l.scheduledFor)) {
      return { ok: true, alreadySent: false, letters: queued.letters.map((l) => ({ ...l, deliveredLocally: false, lastError: null })) };
    }
  }

  const byId = new Map((await sendingStatuses(userId, ids)).map((r) => [r.id, r]));
  return {
    ok: true,
    alreadySent: queued.alreadySent,
    letters: queued.letters.map((l) => ({ ...l, ...byId.get(l.id)! })),
  };
}
