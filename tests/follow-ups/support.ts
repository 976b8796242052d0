import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { applications, flaggedAddresses, followUpPlans, letters, stageChanges } from '@/db/schema';
import type { FollowUpMode, FollowUpPlanKind } from '@/lib/follow-ups/plans';
import type { LetterKind } from '@/lib/letters/kinds';
import type { LetterStatus } from '@/lib/letters/status';
import type { ApplicationStage } from '@/lib/pipeline/stages';
import { daysAgo, seedApp, seedLetter, seedPeople, seedPersonMet } from '../dashboard/due-seed';

export { daysAgo, seedInterviewAt, seedPeople, seedPersonMet } from '../dashboard/due-seed';

/** A calendar date `days` before now, as applied_on stores it. */
export const dateDaysAgo = (days: number, now = new Date()) => daysAgo(days, now).toISOString().slice(0, 10);

/** An application at a stage, moved there `days` ago (stage history and all), with its primary contact Grace. */
export async function seedPlanApp(
  userId: string,
  options: { stage: ApplicationStage; movedDaysAgo: number; appliedDaysAgo?: number; company?: string; primary?: boolean },
) {
  const applicationId = await seedApp(userId, { stage: options.stage, stageChangedAt: daysAgo(options.movedDaysAgo), company: options.company });
  // Its history says it was created there then, as createApplication wrote it (just now).
  await db.update(stageChanges).set({ changedAt: daysAgo(options.movedDaysAgo) }).where(eq(stageChanges.applicationId, applicationId));
  if (options.appliedDaysAgo !== undefined) {
    await db.update(applications).set({ appliedOn: dateDaysAgo(options.appliedDaysAgo) }).where(eq(applications.id, applicationId));
  }
  const grace = await seedPersonMet(userId, applicationId, `Grace Hopper ${options.company ?? ''}`.trim(), {
    primary: options.primary ?? true,
    email: `grace.${crypto.randomUUID().slice(0, 6)}@acme.example`,
  });
  return { applicationId, grace };
}

/** A letter written by a plan's step, as sendLetters writes it with `plan`. */
export async function seedPlanLetter(
  userId: string,
  options: {
    applicationId: string;
    to: string;
    plan: FollowUpPlanKind;
    step: number;
    at: Date;
    status?: LetterStatus;
    automatic?: boolean;
    kind?: LetterKind;
  },
) {
  const id = await seedLetter(userId, { kind: options.kind ?? 'follow_up', applicationId: options.applicationId, to: options.to, at: options.at, status: options.status });
  await db
    .update(letters)
    .set({
      plan: options.plan,
      planStep: options.step,
      automatic: options.automatic ?? false,
      // A scheduled letter waits for its time and has not gone.
      ...(options.status === 'scheduled' ? { sentAt: null, scheduledFor: options.at, nextAttemptAt: options.at } : {}),
    })
    .where(eq(letters.id, id));
  return id;
}

export async function setDefaultMode(userId: string, plan: FollowUpPlanKind, mode: FollowUpMode) {
  await db.insert(followUpPlans).values({ userId, applicationId: null, plan, mode, firstWaitDays: 7, repeatEveryDays: 7, maxLetters: 1 });
}

export async function flag(userId: string, email: string) {
  await db.insert(flaggedAddresses).values({ userId, email, reason: 'bounced' });
}

export { seedLetter, seedPeople as people };
