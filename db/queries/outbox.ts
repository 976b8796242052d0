import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { outboxMessages } from '@/db/schema';

// The outbox is the local machine's mailbox in development (no RESEND_API_KEY):
// it holds sign-in mail for people who are not signed in yet, so it is not
// scoped to a user. Outbox mode is refused in production.

export async function listOutbox(limit = 100) {
  return db
    .select({
      id: outboxMessages.id,
      to: outboxMessages.to,
      cc: outboxMessages.cc,
      subject: outboxMessages.subject,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .orderBy(desc(outboxMessages.createdAt))
    .limit(limit);
}

export async function getOutboxMessage(id: string) {
  const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  return row ?? null;
}

export type OutboxMessageInput = typeof outboxMessages.$inferInsert;

/**
 * Keeps a message once per idempotency key, as Resend does: the same key
 * with the same body is the first message again; with another body it is a
 * conflict, and nothing is written.
 */
export async function keepOutboxMessage(message: OutboxMessageInput): Promise<{ outcome: 'kept' | 'conflict'; id: string }> {
  const [inserted] = await db
    .insert(outboxMessages)
    .values(message)
    .onConflictDoNothing({ target: outboxMessages.idempotencyKey })
    .returning({ id: outboxMessages.id });
  if (inserted) return { outcome: 'kept', id: inserted.id };

  const [first] = await db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, message.idempotencyKey));
  const empty = { cc: [], headers: {} } as Record<string, unknown>;
  const same = (['from', 'to', 'cc', 'replyTo', 'subject', 'html', 'text', 'headers'] as const).every(
    (field) => JSON.stringify(first[field] ?? null) === JSON.stringify(message[field] ?? empty[field] ?? null),
  );
  return { outcome: same ? 'kept' : 'conflict', id: first.id };
}
