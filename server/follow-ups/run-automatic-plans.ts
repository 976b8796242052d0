import 'server-only';
import { duePlanSteps, type DuePlanStep } from '@/db/queries/follow-up-plan-facts';
import { peopleWithAutomaticPlans } from '@/db/queries/follow-up-plan-people';
import { applicationLetterContext } from '@/db/queries/letter-context';
import { effectiveTemplate } from '@/db/queries/letter-templates';
import { errorReason } from '@/lib/error-reason';
import { UserError } from '@/lib/errors';
import type { FollowUpPlanKind } from '@/lib/follow-ups/plans';
import { automaticSendTime } from '@/lib/follow-ups/rules';
import { DAY_MS } from '@/lib/time/days';
import type { LetterRequest } from '@/server/letters/queue-letters';
import { sendLetters } from '@/server/letters/send-letters';

/** The queue of the automatic follow-up job, apart from sending so a slow run never holds a letter back. */
export const FOLLOW_UP_QUEUE = 'follow-up-plans';
/** Every ten minutes, and once at start: a letter is written well before its time, so a late run loses nothing. */
export const FOLLOW_UP_CRON = '*/10 * * * *';

/** Steps coming due this far ahead are written now, as scheduled letters the person can see and stop on /letters. */
export const WRITE_AHEAD_MS = DAY_MS;
/** A person's steps per run, oldest due first; the rest wait for the next run. */
export const STEPS_PER_PERSON = 20;

/** A scheduled letter of an automatic plan. */
export type AutomaticRequest = LetterRequest & {
  sendAt: Date;
  automatic: true;
  plan: { kind: FollowUpPlanKind; step: number };
};

type Write = (userId: string, request: AutomaticRequest) => Promise<{ ok: boolean }>;

export type RunSummary = { written: number; skipped: number; failed: number };

/**
 * Writes one step as a scheduled letter, to leave inside the recipient's
 * working hours. Its dedupe key (plan, application, step and person) makes
 * a second run, or a second process, find the letter already written.
 */
async function writeStep(userId: string, step: DuePlanStep, now: Date, write: Write): Promise<'written' | 'skipped'> {
  const [context, template] = await Promise.all([
    applicationLetterContext(userId, step.applicationId, 'follow_up', step.facts.contactId),
    effectiveTemplate(userId, 'follow_up'),
  ]);
  if (!context || !template) return 'skipped';
  const result = await write(userId, {
    context,
    template: { id: template.builtin ? null : template.id, name: template.name, subject: template.subject, body: template.body },
    separate: true,
    test: false,
    requestId: crypto.randomUUID(),
    sendAt: automaticSendTime(step.dueAt, now, step.recipientZone),
    automatic: true,
    plan: { kind: step.plan, step: step.step },
  });
  // A letter that lacks a fact (no email, no name to sign with) is not written; the plan's page says why.
  return result.ok ? 'written' : 'skipped';
}

/**
 * The automatic follow-up job: for everyone with a plan on Automatic, each
 * step due within the next day is written as a scheduled letter. A refusal
 * (the daily recipient cap, a letter that cannot be written) is logged and
 * tried again on the next run; it never stops the others.
 */
export async function runAutomaticPlans(now: Date = new Date(), write: Write = sendLetters): Promise<RunSummary> {
  const summary: RunSummary = { written: 0, skipped: 0, failed: 0 };
  for (const userId of await peopleWithAutomaticPlans()) {
    let steps: DuePlanStep[];
    try {
      const before = new Date(now.getTime() + WRITE_AHEAD_MS);
      ({ rows: steps } = await duePlanSteps(userId, { mode: 'automatic', before, now, limit: STEPS_PER_PERSON, countCap: STEPS_PER_PERSON, oldestFirst: true }));
    } catch (error) {
      console.error(`[follow-ups] could not read a person's plans; the next run tries again: ${errorReason(error)}`);
      summary.failed++;
      continue;
    }
    for (const step of steps) {
      try {
        summary[await writeStep(userId, step, now, write)]++;
      } catch (error) {
        summary.failed++;
        const why = error instanceof UserError ? error.message : errorReason(error);
        console.error(`[follow-ups] a ${step.plan} letter was not written; the next run tries again: ${why}`);
        // The cap counts the person's whole day: their other steps would be refused too.
        if (error instanceof UserError) break;
      }
    }
  }
  return summary;
}
