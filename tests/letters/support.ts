import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect } from 'vitest';
import { db } from '@/db';
import { interviewLetterContext } from '@/db/queries/letter-context';
import { letterRecipients, letters, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { BUILTIN_TEMPLATES } from '@/lib/letters/builtins';
import { GIVE_UP_AFTER_MS } from '@/lib/letters/retry';
import { logInterview } from '@/server/interviews/log-interview';
import { deliverLetter } from '@/server/letters/deliver-letter';
import { queueLetters } from '@/server/letters/queue-letters';
import { resetPacer } from '@/server/mail/pacer';
import { stopLetterWorker } from '@/server/queue/worker';
import { interviewInput, seedApplication, seedContact, seedPerson } from '../interviews/support';

export { form } from '../interviews/support';

export const IMPRESSION = 'how the team reviews every launch together, openly';

/**
 * Ada, with an application at Acme Rockets and an interview yesterday with
 * three people: Grace (primary), Alan and Katherine. Mallory is another person.
 */
export async function seedInterviewWithThree(options: { company?: string; impression?: string | null } = {}) {
  const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
  const mallory = await seedPerson('mallory@example.com', 'Mallory');
  await db.update(users).set({ signature: 'Warm regards,\nAda Lovelace' }).where(eq(users.id, ada.id));
  const applicationId = await seedApplication(ada.id, 'interviewing', options.company ?? 'Acme Rockets');
  const grace = await seedContact(ada.id, 'Grace Hopper', 'grace@acme.example');
  const alan = await seedContact(ada.id, 'Alan Turing', 'alan@acme.example');
  const katherine = await seedContact(ada.id, 'Katherine Johnson', 'katherine@acme.example');
  const interview = await logInterview(
    ada.id,
    applicationId,
    interviewInput({
      scheduledAt: new Date(Date.now() - 24 * 60 * 60 * 1000),
      kind: 'onsite',
      impression: options.impression === undefined ? IMPRESSION : options.impression,
      attendeeIds: [grace, alan, katherine],
      primary: { contactId: grace },
    }),
  );
  return { ada, mallory, applicationId, interviewId: interview!.interviewId, grace, alan, katherine };
}

export type Seeded = Awaited<ReturnType<typeof seedInterviewWithThree>>;

/**
 * For a file of sending tests: Ada's interview with three, seeded afresh
 * before each test (the object is filled in place, so `seeded.ada` reads
 * the current one), a pace that has heard nothing, and the queue stopped after.
 */
export function seedInterviewBeforeEach(): Seeded {
  const seeded = {} as Seeded;
  beforeEach(async () => {
    Object.assign(seeded, await seedInterviewWithThree());
    await resetPacer();
  });
  afterEach(() => stopLetterWorker());
  return seeded;
}

export const interviewThanksForm = (interviewId: string, overrides: Record<string, string> = {}) => ({
  occasion: 'interview_thanks',
  interviewId,
  requestId: crypto.randomUUID(),
  ...overrides,
});

export async function lettersOf(user: SessionUser) {
  return db.select().from(letters).where(eq(letters.userId, user.id)).orderBy(letters.createdAt);
}

export async function recipientsOf(user: SessionUser, letterId: string) {
  return db
    .select()
    .from(letterRecipients)
    .where(and(eq(letterRecipients.userId, user.id), eq(letterRecipients.letterId, letterId)))
    .orderBy(letterRecipients.role, letterRecipients.email);
}

/** Writes the built-in thank-you for the seeded interview, as one click does, without sending it. */
export async function queueThanks(seeded: Seeded, options: { test?: boolean } = {}) {
  const context = await interviewLetterContext(seeded.ada.id, seeded.interviewId);
  const { name, subject, body } = BUILTIN_TEMPLATES.interview_thanks;
  const result = await queueLetters(seeded.ada.id, {
    context: context!,
    template: { id: null, name, subject, body },
    separate: false,
    test: options.test ?? false,
    requestId: crypto.randomUUID(),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.letters[0].id;
}

/** A day passes with the letter unsent: past the point where Resend would still know its key. */
export async function makeLate(letterId: string) {
  await db
    .update(letters)
    .set({ createdAt: new Date(Date.now() - GIVE_UP_AFTER_MS - 60_000) })
    .where(eq(letters.id, letterId));
}

/**
 * The letter was handed over once and no answer came back, so it may have
 * gone: the local outbox refuses the one write, and the attempt keeps the
 * body it formed, as a lost answer from Resend would.
 */
export async function handOverWithoutAnswer(letterId: string) {
  await db.execute(
    sql.raw(`create or replace function refuse_outbox() returns trigger language plpgsql as $$
      begin raise exception 'the outbox is away'; end $$`),
  );
  await db.execute(sql.raw('create trigger refuse_outbox before insert on outbox_messages for each row execute function refuse_outbox()'));
  try {
    expect((await deliverLetter(letterId)).outcome).toBe('retry');
  } finally {
    await db.execute(sql.raw('drop trigger refuse_outbox on outbox_messages'));
  }
  await db.update(letters).set({ nextAttemptAt: new Date() }).where(eq(letters.id, letterId));
}

/** Time passes: the letter's next attempt is due now. */
export async function makeDue(letterId: string) {
  await db.update(letters).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(letters.id, letterId));
}
