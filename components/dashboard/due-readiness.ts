import 'server-only';
import {
  applicationLetterContext,
  interviewLetterContext,
  type LetterContext,
  type LetterPerson,
} from '@/db/queries/letter-context';
import { BUILTIN_TEMPLATES } from '@/lib/letters/builtins';
import { planLetters, type LetterProblem } from '@/lib/letters/plan';

/** Who a row's letter goes to, and what stops it being sent yet (nothing, when it is ready). */
export type Readiness = { people: LetterPerson[]; problems: LetterProblem[] };

function readiness(context: LetterContext | null, separate: boolean): Readiness | null {
  if (!context) return null;
  // The same plan the send button makes, so the page says up front what the click would say.
  const plan = planLetters(context, BUILTIN_TEMPLATES[context.kind], { separate });
  return { people: context.people, problems: plan.ok ? [] : plan.problems };
}

/** For the few rows shown: each is a handful of small indexed queries, run side by side. */
export async function thankYouReadiness(userId: string, interviewIds: string[]) {
  return Promise.all(interviewIds.map(async (id) => readiness(await interviewLetterContext(userId, id), false)));
}

export async function rejectionReadiness(userId: string, applicationIds: string[]) {
  return Promise.all(
    applicationIds.map(async (id) => readiness(await applicationLetterContext(userId, id, 'rejection_thanks'), true)),
  );
}
