import { db } from '@/db';
import { applications, companies, interviews, letters, replies, stageChanges, users } from '@/db/schema';
import type { LetterKind } from '@/lib/letters/kinds';
import type { LetterStatus } from '@/lib/letters/status';
import type { ApplicationStage } from '@/lib/pipeline/stages';
import type { ReplyKind } from '@/lib/replies/kinds';

/**
 * A hand-built account for the outcome figures: rows written directly, with
 * the exact times each figure depends on, so every expected number can be
 * worked out by reading the test.
 */

/** Wednesday 18 March 2026, noon UTC: every test reads the figures as of this moment. */
export const NOW = new Date('2026-03-18T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
export const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
export const hoursAfter = (date: Date, hours: number) => new Date(date.getTime() + hours * 60 * 60 * 1000);

export async function seedPerson(name: string) {
  const [user] = await db.insert(users).values({ email: `${name.toLowerCase()}@example.com`, name }).returning({ id: users.id });
  return user.id;
}

export async function seedCompany(userId: string, name: string) {
  const [company] = await db.insert(companies).values({ userId, name }).returning({ id: companies.id });
  return company.id;
}

/**
 * An application with its stage history: `path` is every stage it moved
 * through, the first when it was added, then one move a day.
 */
export async function seedApplication(
  userId: string,
  input: { companyId: string; path: ApplicationStage[]; createdAt: Date; appliedOn?: string; archived?: boolean },
) {
  const [app] = await db
    .insert(applications)
    .values({
      userId,
      companyId: input.companyId,
      position: 'Engineer',
      stage: input.path.at(-1)!,
      appliedOn: input.appliedOn ?? null,
      archived: input.archived ?? false,
      createdAt: input.createdAt,
    })
    .returning({ id: applications.id });
  await db.insert(stageChanges).values(
    input.path.map((toStage, i) => ({
      userId,
      applicationId: app.id,
      fromStage: i === 0 ? null : input.path[i - 1],
      toStage,
      changedAt: new Date(input.createdAt.getTime() + i * DAY),
    })),
  );
  return app.id;
}

export async function seedStageChange(userId: string, applicationId: string, toStage: ApplicationStage, changedAt: Date) {
  await db.insert(stageChanges).values({ userId, applicationId, toStage, changedAt });
}

export async function seedInterview(userId: string, applicationId: string, scheduledAt: Date) {
  const [interview] = await db
    .insert(interviews)
    .values({ userId, applicationId, scheduledAt, kind: 'video' })
    .returning({ id: interviews.id });
  return interview.id;
}

export async function seedLetter(
  userId: string,
  input: {
    status: LetterStatus;
    createdAt: Date;
    kind?: LetterKind;
    template?: string;
    applicationId?: string;
    interviewId?: string;
    isTest?: boolean;
    deliveredLocally?: boolean;
    /** When it left; null (as for letters written before it was kept) dates it by createdAt. */
    sentAt?: Date | null;
  },
) {
  const [letter] = await db
    .insert(letters)
    .values({
      userId,
      kind: input.kind ?? 'interview_thanks',
      templateName: input.template ?? 'Thank-you after an interview',
      applicationId: input.applicationId ?? null,
      interviewId: input.interviewId ?? null,
      groupId: crypto.randomUUID(),
      isTest: input.isTest ?? false,
      fromName: 'Ada via Afterword',
      replyTo: 'ada@example.com',
      subject: 'Thank you',
      body: 'Thank you.',
      html: '<p>Thank you.</p>',
      text: 'Thank you.',
      idempotencyKey: crypto.randomUUID(),
      status: input.status,
      deliveredLocally: input.deliveredLocally ?? false,
      sentAt: input.sentAt ?? null,
      createdAt: input.createdAt,
    })
    .returning({ id: letters.id });
  return letter.id;
}

export type LetterInput = Parameters<typeof seedLetter>[1];

/** A letter written `days` before NOW: an interview thank-you unless `extra` says otherwise. */
export const seedLetterAgo = (userId: string, status: LetterStatus, days: number, extra: Partial<LetterInput> = {}) =>
  seedLetter(userId, { status, createdAt: daysAgo(days), ...extra });

/** An email that came back to one of the person's letters (or to none), as the reply reader records it. */
export async function seedReply(userId: string, letterId: string | null, input: { receivedAt: Date; kind?: ReplyKind }) {
  await db.insert(replies).values({
    userId,
    emailId: crypto.randomUUID(),
    letterId,
    kind: input.kind ?? 'reply',
    match: 'token',
    fromEmail: 'grace@example.com',
    subject: 'Re: Thank you',
    text: 'Thank you for writing.',
    nextStep: 'mark_read',
    receivedAt: input.receivedAt,
  });
}
