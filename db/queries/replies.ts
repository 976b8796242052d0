import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applications, companies, letters, replies } from '@/db/schema';

export type NewReply = typeof replies.$inferInsert;

/** Writes a reply once per received email; null when it was written already. */
export async function insertReply(tx: Executor, reply: NewReply): Promise<string | null> {
  const [row] = await tx.insert(replies).values(reply).onConflictDoNothing({ target: replies.emailId }).returning({ id: replies.id });
  return row?.id ?? null;
}

/** What a reply is shown with everywhere: the letter it answers, and the application's company and position. */
const replyView = {
  id: replies.id,
  kind: replies.kind,
  match: replies.match,
  fromName: replies.fromName,
  fromEmail: replies.fromEmail,
  fromSomeoneNew: replies.fromSomeoneNew,
  contactId: replies.contactId,
  subject: replies.subject,
  text: replies.text,
  hasHtml: sql<boolean>`${replies.html} is not null`,
  attachments: replies.attachments,
  nextStep: replies.nextStep,
  receivedAt: replies.receivedAt,
  handledAt: replies.handledAt,
  letterId: replies.letterId,
  letterSubject: letters.subject,
  letterSentAt: sql<Date | null>`coalesce(${letters.sentAt}, ${letters.createdAt})`.mapWith(letters.sentAt),
  applicationId: replies.applicationId,
  stage: applications.stage,
  position: applications.position,
  company: companies.name,
};

/** Callers scope it: every use adds `replies.user_id = userId` to its where. */
function replyViews() {
  return db
    .select(replyView)
    .from(replies)
    .leftJoin(letters, and(eq(letters.userId, replies.userId), eq(letters.id, replies.letterId)))
    .leftJoin(applications, and(eq(applications.userId, replies.userId), eq(applications.id, replies.applicationId)))
    .leftJoin(companies, and(eq(companies.userId, applications.userId), eq(companies.id, applications.companyId)))
    .$dynamic();
}

export type ReplyView = Awaited<ReturnType<typeof waitingReplies>>[number];

/** The dashboard's Replies: real replies the person has not acted on, newest first (replies_user_waiting_idx). */
export async function waitingReplies(userId: string, limit = 20) {
  return replyViews()
    .where(and(eq(replies.userId, userId), isNull(replies.handledAt), eq(replies.kind, 'reply')))
    .orderBy(desc(replies.receivedAt))
    .limit(limit);
}

/** Every email that came back to one letter, in the order it came. */
export async function repliesToLetter(userId: string, letterId: string) {
  // Postgres refuses a malformed uuid with an error; a garbage id simply has no replies.
  if (!z.uuid().safeParse(letterId).success) return [];
  return replyViews()
    .where(and(eq(replies.userId, userId), eq(replies.letterId, letterId)))
    .orderBy(asc(replies.receivedAt))
    .limit(50);
}

/** Replies on an application's timeline. */
export async function repliesOnApplication(userId: string, applicationId: string) {
  return replyViews()
    .where(and(eq(replies.userId, userId), eq(replies.applicationId, applicationId)))
    .orderBy(desc(replies.receivedAt))
    .limit(200);
}

/** One reply, for its actions and its framed HTML. */
export async function getReply(userId: string, replyId: string, tx: Executor = db) {
  const [row] = await tx
    .select()
    .from(replies)
    .where(and(eq(replies.userId, userId), eq(replies.id, replyId)));
  return row ?? null;
}

/** The person acted on a reply (a suggestion, or Mark as read): it leaves the dashboard. */
export async function markReplyHandled(tx: Executor, userId: string, replyId: string): Promise<boolean> {
  const updated = await tx
    .update(replies)
    .set({ handledAt: sql`coalesce(${replies.handledAt}, now())` })
    .where(and(eq(replies.userId, userId), eq(replies.id, replyId)))
    .returning({ id: replies.id });
  return updated.length === 1;
}

/** After "Add as contact": the reply is now from that contact. */
export async function setReplyContact(tx: Executor, userId: string, replyId: string, contactId: string) {
  await tx
    .update(replies)
    .set({ contactId })
    .where(and(eq(replies.userId, userId), eq(replies.id, replyId)));
}
