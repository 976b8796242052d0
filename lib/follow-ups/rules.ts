import type { ApplicationStage } from '@/lib/pipeline/stages';
import { DAY_MS } from '@/lib/time/days';
import type { FollowUpPlanKind, PlanSettings } from './plans';
import { FOLLOW_UP_SPACING_DAYS, withinWorkingHours } from './quiet-hours';

/**
 * Where each plan may run. After applying: only while the application waits
 * at `applied`. After the thank-you: until it ends one way or another (an
 * offer is news too). After a rejection: while it stays rejected.
 */
export const PLAN_STAGES: Record<FollowUpPlanKind, readonly ApplicationStage[]> = {
  after_applying: ['applied'],
  after_thanks: ['wishlist', 'applied', 'interviewing'],
  after_rejection: ['rejected'],
};

/**
 * The reason a scheduled automatic letter gets when its plan stops (a stage
 * move, an interview, a reply, the person's Stop or a change of mode). Such
 * a letter gives its step back, so resuming the plan writes it again; one
 * the person cancelled themselves keeps its step, so it is not written again.
 */
/**
 * A step not taken this many days after it came due is let go: a follow-up
 * that late reads oddly, and turning a plan on must not send letters about
 * every old application at once.
 */
export const STEP_LAPSES_AFTER_DAYS = 30;

export const STOPPED_WITH_PLAN = 'Not sent: its follow-up plan stopped before it left.';

export const planRunsAt = (plan: FollowUpPlanKind, stage: ApplicationStage) => PLAN_STAGES[plan].includes(stage);

/** Everything a plan's next step is decided from, read from the database for one application and plan. */
export type PlanFacts = {
  stage: ApplicationStage;
  archived: boolean;
  /** When the plan began (applied, the thank-you went, rejected); null when it has not. */
  startedAt: Date | null;
  /** The person's Stop on this application's plan. */
  stoppedAt: Date | null;
  /** Who the letters go to (the primary contact, or the thank-you's To); null when nobody is named yet. */
  contactId: string | null;
  /** When the person marked a reply from that contact. */
  repliedAt: Date | null;
  /** An interview after the plan began (after applying or after the thank-you): the application moved on. */
  laterInterview: boolean;
  /** The contact's address bounced or was marked as spam. */
  flagged: boolean;
  /** How many of the plan's letters were written for this application: each takes a step. */
  written: number;
  /** When the last of them went (or goes, when scheduled). */
  lastLetterAt: Date | null;
  /** The last follow-up of any kind to the same contact (any plan, any application, or a click). */
  lastFollowUpAt: Date | null;
};

export type StopReason =
  | { why: 'stopped'; at: Date }
  | { why: 'stage'; stage: ApplicationStage }
  | { why: 'replied'; at: Date }
  | { why: 'interview' }
  | { why: 'bounced' }
  | { why: 'archived' };

export type PlanState =
  | { state: 'off' }
  | { state: 'not_started' }
  | { state: 'stopped'; reason: StopReason }
  | { state: 'finished'; letters: number; lastAt: Date }
  | { state: 'no_contact'; step: number }
  /** The next step, and when it is due: due now when `dueAt` is past. */
  | { state: 'next'; step: number; dueAt: Date }
  /** The next step came due over STEP_LAPSES_AFTER_DAYS ago and was not taken: the plan lets it go. */
  | { state: 'lapsed'; step: number; dueAt: Date };

const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);
const latest = (a: Date, b: Date | null) => (b && b > a ? b : a);

function stopReason(plan: FollowUpPlanKind, facts: PlanFacts, startedAt: Date): StopReason | null {
  if (facts.stoppedAt) return { why: 'stopped', at: facts.stoppedAt };
  if (!planRunsAt(plan, facts.stage)) return { why: 'stage', stage: facts.stage };
  if (facts.archived) return { why: 'archived' };
  if (facts.repliedAt && facts.repliedAt > startedAt) return { why: 'replied', at: facts.repliedAt };
  if (facts.laterInterview && plan !== 'after_rejection') return { why: 'interview' };
  if (facts.flagged) return { why: 'bounced' };
  return null;
}

/**
 * A plan's next step for one application, or why there is none. The first
 * letter is due `firstWaitDays` after the plan began, each later one
 * `repeatEveryDays` after the one before, up to `maxLetters`; and never
 * within FOLLOW_UP_SPACING_DAYS of the last follow-up to the same person,
 * from any plan or click: a step due sooner moves to that many days after it.
 * Given `now`, a step due long ago has lapsed (STEP_LAPSES_AFTER_DAYS).
 */
export function nextPlanStep(plan: FollowUpPlanKind, settings: PlanSettings, facts: PlanFacts, now?: Date): PlanState {
  if (settings.mode === 'off') return { state: 'off' };
  // A stage that ends the plan says so even before it began: "moved to Offer" reads better than "not started".
  if (!facts.startedAt) {
    if (facts.stoppedAt) return { state: 'stopped', reason: { why: 'stopped', at: facts.stoppedAt } };
    return { state: 'not_started' };
  }
  const stopped = stopReason(plan, facts, facts.startedAt);
  if (stopped) return { state: 'stopped', reason: stopped };
  const { written, lastLetterAt } = facts;
  if (written >= settings.maxLetters && lastLetterAt) return { state: 'finished', letters: written, lastAt: lastLetterAt };
  const step = written + 1;
  if (!facts.contactId) return { state: 'no_contact', step };
  const planned =
    written === 0 || !lastLetterAt ? addDays(facts.startedAt, settings.firstWaitDays) : addDays(lastLetterAt, settings.repeatEveryDays);
  const spaced = facts.lastFollowUpAt ? addDays(facts.lastFollowUpAt, FOLLOW_UP_SPACING_DAYS) : null;
  const dueAt = latest(planned, spaced);
  if (now && dueAt.getTime() + STEP_LAPSES_AFTER_DAYS * DAY_MS < now.getTime()) return { state: 'lapsed', step, dueAt };
  return { state: 'next', step, dueAt };
}

/**
 * When an automatic step's letter leaves: when it is due (or now, if that
 * has passed), moved into the recipient's working hours.
 */
export function automaticSendTime(dueAt: Date, now: Date, recipientZone: string): Date {
  return withinWorkingHours(latest(dueAt, now), recipientZone);
}
