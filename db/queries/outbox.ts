import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { outboxMessages } from '@/db/schema';

// The outbox is the local machine's mailbox in development (no RESEND_API_KEY):
// it holds sign-in mail for people who are not signed in yet, so it is not
// scoped to a user. env.ts refuses outbox mode in production.

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
