import 'server-only';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { refreshLastLetters } from '@/db/queries/last-letter';
import { type LetterToWrite, lettersByDedupeKeys, lockSender, writeLetters } from '@/db/queries/letters';
import { dailyRecipientCap, NEW_ACCOUNT_DAYS } from '@/lib/letters/limits';
import { isUniqueViolation, NOT_FOUND, UserError } from '@/lib/errors';
import type { LetterContext, LetterPerson } from '@/lib/letters/context';
import { type LetterTemplateSource, letterWords } from '@/lib/letters/fill';
import { type DraftLetter, type LetterProblem, planLetters } from '@/lib/letters/plan';
import { LETTER_TAG } from '@/lib/letters/resend-event';
import type { LetterStatus } from '@/lib/letters/status';
import type { FollowUpPlanKind } from '@/lib/follow-ups/plans';
import { outgoingMail } from '@/lib/mail/outgoing';
import { daysBefore } from '@/lib/time/days';
import { runningLetterQueue, wakeSenderAtWith } from '@/server/queue/worker';
import { type RenderedLetter, renderLetter } from './render-letter';

/** What one click asks for. */
export type LetterRequest = {
  context: LetterContext;
  /** The template, or the person's edits of it for this sending only. */
  template: LetterTemplateSource & { id: string | null; name: string };
  separate: boolean;
  /** Send the first letter to the person's own address instead. */
  test: boolean;
  /** From the form; a replayed request carries the same one. */
  requestId: string;
  /** Send later: when it leaves. Absent, it leaves now, after the person's undo window. */
  sendAt?: Date | null;
  /** Written by an automatic follow-up plan, at its step: one letter per step and person. */
  automatic?: boolean;
  plan?: { kind: FollowUpPlanKind; step: number } | null;
  /** Runs in the transaction that writes the letters (a digest link is spent there); throwing writes nothing. */
  inTransaction?: (tx: Executor) => Promise<void>;
};

export type QueuedLetter = { id: string; to: string; status: LetterStatus; scheduledFor: Date | null };
export type QueueResult =
  | { ok: true; letters: QueuedLetter[]; alreadySent: boolean }
  | { ok: false; problems: LetterProblem[] };

/**
 * What makes a letter "the same letter": its occasion and its recipient. The
 * unique index on it turns a double click, a second tab or a replayed request
 * into one letter. Follow-ups recur, so theirs is per day.
 */
function dedupeKey(request: LetterRequest, recipient: Recipient): string | null {
  const { context } = request;
  if (request.test) return recipient.role === 'to' ? `test:${request.requestId}` : null;
  const person = recipient.person!;
  if (request.plan) return `plan:${context.applicationId}:${request.plan.kind}:${request.plan.step}:${person.contactId}`;
  if (context.kind === 'interview_thanks') return `interview_thanks:${context.interview?.id}:${person.contactId}`;
  if (context.kind === 'rejection_thanks') return `rejection_thanks:${context.applicationId}:${person.contactId}`;
  // Asking for feedback is once per rejection and person, like the thank-you after it.
  if (context.kind === 'feedback_request') return `feedback_request:${context.applicationId}:${person.contactId}`;
  return `follow_up:${person.contactId}:${new Date().toISOString().slice(0, 10)}`;
}

type Recipient = { person: LetterPerson | null; email: string; name: string | null; role: 'to' | 'cc' };
type Written = { draft: DraftLetter; rendered: RenderedLetter; recipients: Recipient[] };

async function prepare(request: LetterRequest): Promise<{ ok: true; written: Written[] } | { ok: false; problems: LetterProblem[] }> {
  const plan = planLetters(request.context, request.template, { separate: request.separate });
  if (!plan.ok) return plan;
  const drafts = request.test ? plan.letters.slice(0, 1) : plan.letters;
  const written: Written[] = [];
  for (const draft of drafts) {
    const words = letterWords.safeParse({ subject: draft.subject, body: draft.body });
    if (!words.success) return { ok: false, problems: words.error.issues.map((issue) => ({ message: issue.message, href: null })) };
    const recipients = request.test
      ? [{ person: null, email: request.context.me.email, name: request.context.me.name, role: 'to' as const }]
      : [draft.to, ...draft.cc].map((person, i) => ({
          person,
          email: person.email!,
          name: person.name,
          role: i === 0 ? ('to' as const) : ('cc' as const),
        }));
    const rendered = await renderLetter(words.data);
    // The same rules the mail path applies at sending, applied now: a name,
    // subject or address that could inject a header is refused before anything is written.
    const mail = outgoingMail.safeParse({
      fromName: fromNameOf(request.context),
      to: recipients.filter((r) => r.role === 'to').map((r) => r.email),
      cc: recipients.filter((r) => r.role === 'cc').map((r) => r.email),
      replyTo: replyToOf(request.context),
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      tags: [{ name: LETTER_TAG, value: crypto.randomUUID() }],
      idempotencyKey: 'checked-before-writing',
    });
    if (!mail.success) {
      return { ok: false, problems: mail.error.issues.map((issue) => ({ message: mailProblem(issue.path[0], issue.message), href: hrefFor(issue.path[0]) })) };
    }
    written.push({ draft, rendered, recipients });
  }
  return { ok: true, written };
}

const fromNameOf = (context: LetterContext) => context.me.name?.trim() || context.me.email;
const replyToOf = (context: LetterContext) => context.me.replyTo || context.me.email;

function mailProblem(field: PropertyKey | undefined, message: string) {
  const where: Record<string, string> = { fromName: 'Your name', replyTo: 'Your reply-to address', to: 'An address', cc: 'An address' };
  const label = typeof field === 'string' ? where[field] : undefined;
  return label ? `${label}: ${message}` : message;
}

function hrefFor(field: PropertyKey | undefined) {
  return field === 'fromName' || field === 'replyTo' ? '/settings' : null;
}

/**
 * Writes the letters of one click, in one transaction, before anything is
 * sent: recipients, subject, HTML and text exactly as rendered, an
 * idempotency key, status `scheduled` (until its time or the end of the undo
 * window) or `queued`, and the timeline entry. The sender
 * then hands each to Resend, however often it must retry, with the same body
 * and key.
 *
 * Refuses, with nothing written, when any fact is missing, an address is
 * flagged, or the person's daily recipient cap would be passed.
 */
export async function queueLetters(userId: string, request: LetterRequest): Promise<QueueResult> {
  const prepared = await prepare(request);
  if (!prepared.ok) return prepared;
  const { context } = request;
  const groupId = crypto.randomUUID();
  const keys = prepared.written.flatMap((w) => w.recipients.flatMap((r) => dedupeKey(request, r) ?? []));

  // Before the transaction: a queue still starting is waited for without holding the person's lock.
  const queue = await runningLetterQueue();

  try {
    const queued = await db.transaction(async (tx) => {
      // One sender per person at a time: the cap below is counted under this lock.
      const account = await lockSender(tx, userId);
      if (account === null) throw new UserError(NOT_FOUND.account);
      await request.inTransaction?.(tx);

      // Every letter waits for its time: the one asked for, or the undo window. Only with the window off does it leave now.
      const leavesAt = request.sendAt ?? (account.undoSeconds > 0 ? new Date(Date.now() + account.undoSeconds * 1000) : null);
      const toWrite: LetterToWrite[] = prepared.written.map(({ draft, rendered, recipients }) => {
        const id = crypto.randomUUID();
        return {
          letter: {
            id,
            kind: context.kind,
            templateId: request.template.id,
            templateName: request.template.name,
            applicationId: context.applicationId,
            interviewId: context.interview && context.kind === 'interview_thanks' ? context.interview.id : null,
            groupId,
            separate: request.separate,
            isTest: request.test,
            fromName: fromNameOf(context),
            replyTo: replyToOf(context),
            subject: rendered.subject,
            body: draft.body,
            html: rendered.html,
            text: rendered.text,
            idempotencyKey: `afterword-letter-${id}`,
            status: leavesAt ? 'scheduled' : 'queued',
            scheduledFor: leavesAt,
            // At once: the database's now(), the clock every claim compares with.
            ...(leavesAt ? { nextAttemptAt: leavesAt } : {}),
            automatic: request.automatic ?? false,
            plan: request.plan?.kind ?? null,
            planStep: request.plan?.step ?? null,
          },
          recipients: recipients.map((r) => ({
            role: r.role,
            contactId: r.person?.contactId ?? null,
            name: r.name,
            email: r.email,
            dedupeKey: dedupeKey(request, r),
          })),
          // A test letter to oneself is on no timeline.
          timeline: request.test
            ? null
            : {
                kind: 'letter_sent',
                interviewId: context.kind === 'interview_thanks' ? (context.interview?.id ?? null) : null,
                contactId: draft.to.contactId,
                detail: { letterId: id, letterKind: context.kind, subject: rendered.subject, to: draft.to.name, cc: draft.cc.length },
              },
        };
      });

      // Written first and counted in the same statement; passing the cap rolls it all back.
      const cap = dailyRecipientCap(account);
      const count = await writeLetters(tx, userId, context.applicationId, toWrite, daysBefore(new Date(), 1));
      const adding = toWrite.reduce((n, w) => n + w.recipients.length, 0);
      if (count + adding > cap) {
        const left = Math.max(0, cap - count);
        const limit = cap < account.cap ? `${cap} recipients in 24 hours while your account is new (its first ${NEW_ACCOUNT_DAYS} days)` : `${cap} recipients in 24 hours`;
        throw new UserError(`That would pass your limit of ${limit} (${left} left, this needs ${adding}). Nothing was sent; try again later.`);
      }

      // Once for the whole click, after every letter is written: a test letter to oneself counts for no one.
      if (!request.test) {
        const people = prepared.written.flatMap((w) => w.recipients.flatMap((r) => r.person?.contactId ?? []));
        await refreshLastLetters(tx, userId, { contactIds: [...new Set(people)] });
      }
      // The wake-up at its time commits with the letter, or neither does.
      if (leavesAt && queue) {
        for (const { letter } of toWrite) await wakeSenderAtWith(queue, tx, letter.id, leavesAt);
      }
      return toWrite.map(({ letter, recipients }) => ({ id: letter.id, to: recipients[0].email, status: letter.status, scheduledFor: leavesAt }));
    });
    return { ok: true, letters: queued, alreadySent: false };
  } catch (error) {
    if (!isUniqueViolation(error, 'letter_recipients_dedupe_unique')) throw error;
    // Someone (this same click, replayed, or another tab) already wrote these letters.
    return { ok: true, letters: await lettersByDedupeKeys(userId, keys), alreadySent: true };
  }
}
