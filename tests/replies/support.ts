import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { vi } from 'vitest';
import { db } from '@/db';
import { refreshLastLetters } from '@/db/queries/last-letter';
import { contacts, letterRecipients, letters, receivedEmails, replies } from '@/db/schema';
import { resetEnv } from '@/env';
import { replyAddress } from '@/lib/replies/reply-address';
import { readReceivedEmail } from '@/server/replies/read-received-email';
import { replyAddressKey } from '@/server/replies/reply-headers';
import type { InboundEmailInput } from '../resend-server/inbound-email';
import type { ResendTestServer } from '../resend-server/server';
import { seedApplication, seedContact, seedLink, seedPerson } from '../interviews/support';
import { deliver } from '../letters/webhook-support';

export const INBOUND = 'replies.afterword.test';

export function useInboundDomain(domain = INBOUND) {
  vi.stubEnv('INBOUND_DOMAIN', domain);
  resetEnv();
}

const short = () => randomUUID().slice(0, 8);

/**
 * Ada, an application, Ana (its primary contact) and Ben (another person
 * met), and a thank-you sent two hours ago To Ana, CC Ben, with the
 * Message-ID the send path gives it.
 */
export async function seedSentThankYou(options: { sentAt?: Date } = {}) {
  const ada = await seedPerson(`ada.${short()}@example.com`, 'Ada Lovelace');
  const applicationId = await seedApplication(ada.id, 'applied');
  const ana = { email: `ana.${short()}@acme.example`, id: '' };
  const ben = { email: `ben.${short()}@acme.example`, id: '' };
  ana.id = await seedContact(ada.id, 'Ana Lima', ana.email);
  ben.id = await seedContact(ada.id, 'Ben Okafor', ben.email);
  await seedLink(ada.id, applicationId, ana.id, 'interviewer', true);
  await seedLink(ada.id, applicationId, ben.id, 'recruiter');
  const letterId = randomUUID();
  const sentAt = options.sentAt ?? new Date(Date.now() - 2 * 3600_000);
  await db.insert(letters).values({
    id: letterId,
    userId: ada.id,
    kind: 'interview_thanks',
    templateName: 'Thank-you after an interview',
    applicationId,
    groupId: randomUUID(),
    fromName: 'Ada Lovelace',
    replyTo: ada.email,
    subject: 'Thank you for your time',
    body: 'Dear Ana,',
    html: '<p>Dear Ana,</p>',
    text: 'Dear Ana,',
    idempotencyKey: `afterword-letter-${letterId}`,
    status: 'delivered',
    sentAt,
    createdAt: sentAt,
    messageId: `<letter-${letterId}@afterword.test>`,
  });
  await db.insert(letterRecipients).values([
    { userId: ada.id, letterId, role: 'to', contactId: ana.id, email: ana.email, createdAt: sentAt },
    { userId: ada.id, letterId, role: 'cc', contactId: ben.id, email: ben.email, createdAt: sentAt },
  ]);
  await refreshLastLetters(db, ada.id, { letterId });
  return { ada, applicationId, ana, ben, letterId, sentAt, replyTo: replyAddress(letterId, replyAddressKey(), INBOUND) };
}

/** An answer as a mail client writes it: to the reply address, quoting the letter. */
export function answer(from: string, to: string, text: string, extra: Partial<InboundEmailInput> = {}): InboundEmailInput {
  return {
    from,
    to: [to],
    subject: 'Re: Thank you for your time',
    text: `${text}\n\nOn Mon, Dec 7, 2026 at 09:00, Ada Lovelace wrote:\n> Dear Ana,\n> Thank you for your time.`,
    html: `<p>${text}</p>`,
    ...extra,
  };
}

/**
 * Stores the email on the test server, posts its signed `email.received`
 * to the webhook route as Resend would, and runs the reader as the queue
 * would. Returns the route's answer and what the reader did.
 */
export async function receive(server: ResendTestServer, secret: string, email: InboundEmailInput) {
  const { id, event } = await server.receive({ email });
  const delivered = await deliver(event, secret);
  const read = await readReceivedEmail(id);
  return { id, event, delivered, read };
}

export async function repliesOf(userId: string) {
  return db.select().from(replies).where(eq(replies.userId, userId));
}

export async function ledgerRow(emailId: string) {
  const [row] = await db.select().from(receivedEmails).where(eq(receivedEmails.emailId, emailId));
  return row;
}

export async function repliedAt(userId: string, contactId: string) {
  const [row] = await db
    .select({ repliedAt: contacts.repliedAt, dueAt: contacts.followUpDueAt })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)));
  return row;
}
