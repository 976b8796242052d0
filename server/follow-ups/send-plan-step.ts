import 'server-only';
import { applicationPlanFacts } from '@/db/queries/follow-up-plan-facts';
import { UserError } from '@/lib/errors';
import type { FollowUpPlanKind } from '@/lib/follow-ups/plans';
import { nextPlanStep } from '@/lib/follow-ups/rules';
import { type SendChoice, sendOccasionLetters } from '@/server/letters/send-letters';

export const NOT_DUE = 'This follow-up is not due any more: its plan has stopped, or its letter was already written. Reload the page.';

/**
 * The step of a plan a one-click row sends, decided here, never by the
 * form: the plan must be running and its next step due now. A step already
 * written (a double click, another tab) is "already sent" by its dedupe key.
 */
export async function planStepDue(userId: string, applicationId: string, plan: FollowUpPlanKind, now = new Date()) {
  const row = (await applicationPlanFacts(userId, applicationId)).find((r) => r.plan === plan);
  if (!row) return null;
  const state = nextPlanStep(plan, row.settings, row.facts, now);
  return state.state === 'next' && state.dueAt <= now ? { kind: plan, step: state.step } : null;
}

/**
 * Sends a letter a form asks for: the occasion as it is, or, when it names a
 * follow-up plan, that plan's next step, written once however often it is asked.
 */
export async function sendFormLetters(userId: string, choice: SendChoice) {
  if (!choice.followUpPlan || choice.test || choice.occasion !== 'follow_up' || !choice.applicationId) {
    return sendOccasionLetters(userId, choice);
  }
  const plan = await planStepDue(userId, choice.applicationId, choice.followUpPlan);
  if (!plan) throw new UserError(NOT_DUE);
  // The step's dedupe key makes it one letter per person, however often it is asked.
  return sendOccasionLetters(userId, { ...choice, plan });
}
