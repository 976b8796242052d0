import { beforeEach, expect } from 'vitest';
import { db } from '@/db';
import { linkContact } from '@/db/queries/contacts';
import { interviewAttendees, interviews, users } from '@/db/schema';
import type { ContactFields } from '@/lib/contacts/contact-input';
import type { ContactRole, InterviewKind } from '@/lib/pipeline/labels';
import { createApplication } from '@/server/applications/create-application';
import { createContact } from '@/server/contacts/save-contact';
import { signInAs } from './session';

/** Rows for contact tests, written through the app's own queries where they exist. */

export async function seedUser(label: string) {
  const [user] = await db
    .insert(users)
    .values({ email: `${label}@people.example`, name: label })
    .returning({ id: users.id, email: users.email, name: users.name });
  return user;
}

type Person = Awaited<ReturnType<typeof seedUser>>;

/** Ada, signed in, and Bob, whose rows Ada must never reach: seeded afresh before each test. */
export function twoPeople() {
  const people = {} as { ada: Person; bob: Person };
  beforeEach(async () => {
    people.ada = await seedUser('ada');
    people.bob = await seedUser('bob');
    signInAs(people.ada);
  });
  return people;
}

export async function seedContact(userId: string, fields: Partial<ContactFields> & { name: string }) {
  const result = await createContact(userId, {
    email: null,
    title: null,
    company: null,
    phone: null,
    linkedinUrl: null,
    notes: null,
    ...fields,
  });
  expect(result.status).toBe('saved');
  return (result as { id: string }).id;
}

export async function seedApplication(userId: string, company = 'Acme Rockets', position = 'Flight Engineer') {
  const { id } = await createApplication(userId, {
    company,
    position,
    jobUrl: null,
    location: null,
    source: null,
    appliedOn: null,
    notes: null,
  });
  return id;
}

export async function seedLink(
  userId: string,
  applicationId: string,
  contactId: string,
  link: { role?: ContactRole; isPrimary?: boolean } = {},
) {
  await linkContact(db, userId, { applicationId, contactId, role: link.role ?? 'interviewer', isPrimary: link.isPrimary ?? false });
}

export async function seedInterview(
  userId: string,
  applicationId: string,
  attendeeIds: string[],
  options: { scheduledAt?: Date; kind?: InterviewKind } = {},
) {
  const [interview] = await db
    .insert(interviews)
    .values({
      userId,
      applicationId,
      scheduledAt: options.scheduledAt ?? new Date('2026-01-15T15:00:00Z'),
      kind: options.kind ?? 'video',
    })
    .returning({ id: interviews.id });
  if (attendeeIds.length > 0) {
    await db.insert(interviewAttendees).values(attendeeIds.map((contactId) => ({ userId, interviewId: interview.id, contactId })));
  }
  return interview.id;
}

/** A server action's FormData, as the browser would send it. */
export function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

/** redirect() and notFound() throw; this says which one, and where to. */
export async function thrownDigest(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => {
      throw new Error('expected a redirect or notFound, but it returned');
    },
    (e: unknown) => e,
  );
  return String((error as { digest?: string }).digest ?? error);
}
