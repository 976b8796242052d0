import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { hoursAgo, seedApp, seedInterviewAt, seedPeople, seedPersonMet } from '../dashboard/due-seed';

export const UNSUBSCRIBE_KEY = new Uint8Array(32).fill(3);

/** Ada and Mallory, each with the digest at midnight UTC, so it is due at any time of a test's day. */
export async function seedDigestPeople() {
  const people = await seedPeople();
  await db.update(users).set({ digestMinute: 0, timeZone: 'UTC' });
  return people;
}

/** An interview `hours` ago at Acme with Grace (primary) and Alan; `impression: null` leaves the question open. */
export async function interviewHoursAgo(person: SessionUser, hours: number, options: { impression?: string | null; now?: Date } = {}) {
  const applicationId = await seedApp(person.id, { company: 'Acme Rockets' });
  const grace = await seedPersonMet(person.id, applicationId, 'Grace Hopper', { primary: true, email: 'grace@acme.example' });
  const alan = await seedPersonMet(person.id, applicationId, 'Alan Turing', { email: 'alan@acme.example' });
  const interviewId = await seedInterviewAt(person.id, applicationId, hoursAgo(hours, options.now), {
    attendees: [grace, alan],
    impression: options.impression,
  });
  return { applicationId, grace, alan, interviewId };
}

export async function setDigest(userId: string, values: Partial<typeof users.$inferInsert>) {
  await db.update(users).set(values).where(eq(users.id, userId));
}
