import crypto from 'node:crypto';
import { db } from '@/db';
import { changeStage } from '@/db/queries/applications';
import { findOrCreateContact, linkContact } from '@/db/queries/contacts';
import {
  accounts,
  dashboardDismissals,
  dashboardSnapshots,
  digestLinks,
  digestSends,
  flaggedAddresses,
  followUpPlans,
  sendingLedger,
  interviewAttendees,
  interviews,
  letterTemplates,
  replies,
  replyToConfirmations,
  sessions,
  users,
} from '@/db/schema';
import { createApplication } from '@/server/applications/create-application';
import { seedEvent, seedLetter } from '../../letter-pages/seed';

const blank = { jobUrl: null, location: null, source: null, appliedOn: null, notes: null };

export type Person = { id: string; email: string; name: string };

export async function seedPerson(label: string): Promise<Person> {
  const [person] = await db
    .insert(users)
    .values({ email: `${label}@people.example`, name: label, signature: `Yours,\n${label}`, replyTo: `${label}.replies@people.example` })
    .returning({ id: users.id, email: users.email, name: users.name });
  return { ...person, name: person.name! };
}

/**
 * A row in every table a person owns: an application moved along, a contact
 * linked and met at an interview, a template of their own, a letter sent with
 * its recipients and Resend's events, a letter still queued, a flagged
 * address, a dismissed row of What is due, a sign-in account and session, and
 * a dashboard snapshot. Every text carries the person's label, so another
 * person's rows are easy to spot.
 */
export async function seedWholeAccount(person: Person) {
  const label = person.name;
  const application = await createApplication(person.id, { ...blank, company: `${label} Rockets`, position: 'Flight Engineer', stage: 'applied' });
  await changeStage(person.id, application.id, 'interviewing', { at: new Date('2026-01-20T09:00:00Z') });
  const other = await createApplication(person.id, { ...blank, company: `${label} Boats`, position: 'Navigator' });
  const { contact } = await findOrCreateContact(db, person.id, {
    name: `${label} Contact`,
    email: `${label}.contact@acme.example`,
    title: null,
    phone: null,
    linkedinUrl: null,
    notes: null,
  });
  await linkContact(db, person.id, { applicationId: application.id, contactId: contact.id, role: 'interviewer', isPrimary: true });
  const [interview] = await db
    .insert(interviews)
    .values({ userId: person.id, applicationId: application.id, scheduledAt: new Date('2026-01-21T14:00:00Z'), kind: 'video', impression: `${label} launch pad` })
    .returning();
  await db.insert(interviewAttendees).values({ userId: person.id, interviewId: interview.id, contactId: contact.id });
  const [template] = await db
    .insert(letterTemplates)
    .values({ userId: person.id, kind: 'interview_thanks', name: `${label} thanks`, subject: 'Thank you, {{ contact_first_name }}', body: `Dear {{ contact_first_name }},\n${label}` })
    .returning();
  const recipients = [
    { role: 'to' as const, name: `${label} Contact`, email: `${label}.contact@acme.example`, contactId: contact.id },
    { role: 'cc' as const, name: null, email: `${label}.cc@acme.example` },
  ];
  const sentLetter = await seedLetter(person.id, {
    applicationId: application.id,
    interviewId: interview.id,
    templateId: template.id,
    templateName: template.name,
    subject: `${label} thanks you`,
    body: `Dear ${label} Contact,`,
    status: 'delivered',
    sentAt: new Date('2026-01-22T10:00:00Z'),
    resendId: `re_${crypto.randomUUID()}`,
    recipients,
  });
  await seedEvent(person.id, sentLetter, 'email.sent', new Date('2026-01-22T10:00:01Z'));
  await seedEvent(person.id, sentLetter, 'email.delivered', new Date('2026-01-22T10:00:05Z'), { note: label });
  const queuedLetter = await seedLetter(person.id, {
    applicationId: other.id,
    kind: 'rejection_thanks',
    subject: `${label} queued`,
    recipients: [{ email: `${label}.later@boats.example` }],
    nextAttemptAt: new Date(Date.now() + 60 * 60_000),
  });
  // What writing those two letters counted against the daily cap.
  await db.insert(sendingLedger).values([
    { userId: person.id, recipients: recipients.length, createdAt: new Date('2026-01-22T09:59:00Z') },
    { userId: person.id, recipients: 1 },
  ]);
  await db.insert(flaggedAddresses).values({ userId: person.id, email: `${label}.bounced@acme.example`, reason: 'bounced', letterId: sentLetter });
  await db.insert(dashboardDismissals).values({ userId: person.id, kind: 'quiet_application', subjectId: other.id });
  await db.insert(followUpPlans).values([
    { userId: person.id, plan: 'after_applying', mode: 'automatic', firstWaitDays: 5, repeatEveryDays: 7, maxLetters: 1 },
    { userId: person.id, applicationId: other.id, plan: 'after_rejection', mode: 'ask', firstWaitDays: 60, repeatEveryDays: 60, maxLetters: 2, stoppedAt: new Date() },
  ]);
  await db.insert(digestSends).values({ userId: person.id, day: '2026-01-22', items: 3 });
  await db.insert(digestLinks).values({
    userId: person.id,
    tokenHash: `${label}-secret-digest-token-hash`,
    target: { letterId: sentLetter },
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  await db.insert(sessions).values({ userId: person.id, sessionToken: `${label}-secret-session-token`, expires: new Date(Date.now() + 86_400_000) });
  await db.insert(accounts).values({
    userId: person.id,
    type: 'oauth',
    provider: 'github',
    providerAccountId: `${label}-42`,
    access_token: `${label}-secret-access-token`,
    refresh_token: `${label}-secret-refresh-token`,
  });
  await db.insert(replyToConfirmations).values({
    userId: person.id,
    address: `${label}.pending@people.example`,
    tokenHash: `${label}-secret-reply-to-token-hash`,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  await db.insert(dashboardSnapshots).values({ userId: person.id, key: 'due', data: new Uint8Array([1, 2, 3]), lastChangeId: 0, changes: 0, computedAt: new Date() });
  const [reply] = await db
    .insert(replies)
    .values({
      userId: person.id,
      emailId: `${label}-received-${crypto.randomUUID()}`,
      letterId: sentLetter,
      applicationId: application.id,
      contactId: contact.id,
      kind: 'reply',
      match: 'token',
      fromName: `${label} Contact`,
      fromEmail: `${label}.contact@acme.example`,
      subject: `Re: ${label} thanks you`,
      text: `${label} is glad you wrote.`,
      html: `<p>${label} is glad you wrote.</p>`,
      nextStep: 'mark_read',
      receivedAt: new Date('2026-01-22T12:00:00Z'),
    })
    .returning();
  return { application, other, contact, interview, template, sentLetter, queuedLetter, reply: reply.id };
}
