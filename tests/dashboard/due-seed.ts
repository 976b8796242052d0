import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { refreshLastLetters } from '@/db/queries/last-letter';
import { applicationContacts, applications, interviewAttendees, interviews, letterRecipients, letters, users } from '@/db/schema';
import type { LetterKind } from '@/lib/letters/kinds';
import type { LetterStatus } from '@/lib/letters/status';
import { seedApplication, seedContact, seedPerson } from '../interviews/support';

export { form } from '../interviews/support';

const HOUR = 60 * 60 * 1000;
export const hoursAgo = (hours: number, now = new Date()) => new Date(now.getTime() - hours * HOUR);
export const daysAgo = (days: number, now = new Date()) => hoursAgo(days * 24, now);

export const IMPRESSION = 'how the team reviews every launch together';

/** Ada, who signs her letters, and Mallory, whose rows must never show on Ada's dashboard. */
export async function seedPeople() {
  const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
  const mallory = await seedPerson('mallory@example.com', 'Mallory Moriarty');
  await db.update(users).set({ signature: 'Warm regards,\nAda' }).where(eq(users.id, ada.id));
  return { ada, mallory };
}

type AppFacts = Partial<Pick<typeof applications.$inferInsert, 'stage' | 'stageChangedAt' | 'lastActivityAt' | 'archived'>>;

/** An application, with its stage and times set as a test needs them. */
export async function seedApp(userId: string, options: AppFacts & { company?: string } = {}) {
  const { company, ...facts } = options;
  const id = await seedApplication(userId, facts.stage ?? 'interviewing', company ?? 'Acme Rockets');
  await setApp(id, facts);
  return id;
}

/** Time passes for an application: a stage move, new activity, the archive. */
export async function setApp(applicationId: string, facts: AppFacts) {
  if (Object.keys(facts).length > 0) await db.update(applications).set(facts).where(eq(applications.id, applicationId));
}

export async function seedPersonMet(
  userId: string,
  applicationId: string,
  name: string,
  options: { primary?: boolean; email?: string | null } = {},
) {
  const email = options.email === undefined ? `${name.split(' ')[0].toLowerCase()}@acme.example` : options.email;
  const id = await seedContact(userId, name, email);
  await db.insert(applicationContacts).values({ userId, applicationId, contactId: id, isPrimary: options.primary ?? false });
  return id;
}

export async function seedInterviewAt(
  userId: string,
  applicationId: string,
  scheduledAt: Date,
  options: { attendees?: string[]; impression?: string | null } = {},
) {
  const [row] = await db
    .insert(interviews)
    .values({
      userId,
      applicationId,
      scheduledAt,
      kind: 'video',
      impression: options.impression === undefined ? IMPRESSION : options.impression,
    })
    .returning({ id: interviews.id });
  for (const contactId of options.attendees ?? []) {
    await db.insert(interviewAttendees).values({ userId, interviewId: row.id, contactId });
  }
  return row.id;
}

/** A letter as queue.ts writes it, To one contact with others in CC, at a chosen time. */
export async function seedLetter(
  userId: string,
  options: {
    kind: LetterKind;
    applicationId: string;
    interviewId?: string;
    to: string;
    cc?: string[];
    status?: LetterStatus;
    isTest?: boolean;
    at?: Date;
  },
) {
  const id = crypto.randomUUID();
  const at = options.at ?? new Date();
  await db.insert(letters).values({
    id,
    userId,
    kind: options.kind,
    templateName: 'Built-in',
    applicationId: options.applicationId,
    interviewId: options.interviewId ?? null,
    groupId: crypto.randomUUID(),
    isTest: options.isTest ?? false,
    fromName: 'Ada Lovelace',
    replyTo: 'ada@example.com',
    subject: `A ${options.kind} letter`,
    body: 'Dear Grace,',
    html: '<p>Dear Grace,</p>',
    text: 'Dear Grace,',
    idempotencyKey: `afterword-letter-${id}`,
    status: options.status ?? 'sent',
    statusChangedAt: at,
    sentAt: options.status === 'queued' ? null : at,
    createdAt: at,
  });
  const people = [options.to, ...(options.cc ?? [])];
  await db.insert(letterRecipients).values(
    people.map((contactId, i) => ({
      userId,
      letterId: id,
      role: i === 0 ? ('to' as const) : ('cc' as const),
      contactId,
      email: `${contactId.slice(0, 8)}@acme.example`,
      createdAt: at,
    })),
  );
  // As queue.ts does in its transaction.
  await refreshLastLetters(db, userId, { letterId: id });
  return id;
}

export { seedContact, seedPerson };
