import crypto from 'node:crypto';
import { db } from '@/db';
import { letterEvents, letterRecipients, letters, type Letter } from '@/db/schema';

/**
 * Letters, their recipients and events, written straight into the tables as
 * the sending code writes them. People, applications and contacts are made
 * as the contact tests make them, through the app's own queries.
 */
export { seedApplication, seedContact, seedUser } from '../contacts/support/seed';

type Recipient = { role?: 'to' | 'cc'; name?: string | null; email: string; contactId?: string | null };

export async function seedLetter(
  userId: string,
  fields: Partial<Omit<Letter, 'id' | 'userId'>> & { recipients?: Recipient[] } = {},
) {
  const { recipients = [{ name: 'Grace Hopper', email: 'grace@navy.example' }], ...columns } = fields;
  const [letter] = await db
    .insert(letters)
    .values({
      userId,
      kind: 'interview_thanks',
      templateName: 'Thank-you after an interview',
      groupId: crypto.randomUUID(),
      fromName: 'Ada via Afterword',
      replyTo: 'ada@people.example',
      subject: 'Thank you for the interview',
      body: 'Dear Grace,',
      html: '<p>Dear Grace,</p>',
      text: 'Dear Grace,',
      idempotencyKey: crypto.randomUUID(),
      ...columns,
    })
    .returning({ id: letters.id });
  if (recipients.length > 0) {
    await db.insert(letterRecipients).values(
      recipients.map((r) => ({ userId, letterId: letter.id, role: r.role ?? 'to', name: r.name ?? null, email: r.email, contactId: r.contactId ?? null })),
    );
  }
  return letter.id;
}

export async function seedEvent(
  userId: string,
  letterId: string,
  type: string,
  occurredAt: Date,
  detail: Record<string, string | null> = {},
) {
  await db.insert(letterEvents).values({ svixId: `msg_${crypto.randomUUID()}`, userId, letterId, type, occurredAt, detail });
}

/** `n` minutes before a fixed moment, so orderings are exact. */
export const minutesAgo = (n: number) => new Date(Date.UTC(2026, 2, 14, 12, 0) - n * 60_000);
