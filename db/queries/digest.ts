import 'server-only';
import { and, asc, eq, gt, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applications, companies, digestLinks, digestSends, letterRecipients, letters, SCHEDULED, users } from '@/db/schema';

/*
 * The morning digest's rows. A digest_sends row is written in the transaction
 * that decides to send a person's digest of a day (its primary key makes that
 * once, whatever the number of processes), before the mail is handed over.
 * Until the mail path has taken it, `items` is negative (minus the count):
 * a run that finds such a row some minutes old sends it again, under the same
 * idempotency key, so a crash between the row and the hand-over still sends,
 * and never twice. 0 is a day with nothing due: no mail, and nothing to redo.
 */

export type DigestPerson = { userId: string; timeZone: string; digestMinute: number };

/** Everyone whose digest is on, with their zone and time: the job decides whose time has come. */
export async function digestSubscribers(): Promise<DigestPerson[]> {
  return db
    .select({ userId: users.id, timeZone: users.timeZone, digestMinute: users.digestMinute })
    .from(users)
    .where(eq(users.digestEnabled, true))
    .orderBy(asc(users.id));
}

/** The days (YYYY-MM-DD) from `since` on that already have a digest row, by person. */
export async function digestDaysSince(since: string): Promise<Set<string>> {
  const rows = await db.select({ userId: digestSends.userId, day: digestSends.day }).from(digestSends).where(gte(digestSends.day, since));
  return new Set(rows.map((r) => `${r.userId}:${r.day}`));
}

/** Digests decided but not handed over, decided before `before` and after `after`: the ones to send again. */
export async function digestsNotHandedOver(before: Date, after: Date): Promise<{ userId: string; day: string }[]> {
  return db
    .select({ userId: digestSends.userId, day: digestSends.day })
    .from(digestSends)
    .where(and(lt(digestSends.items, 0), lt(digestSends.createdAt, before), gt(digestSends.createdAt, after)));
}

/** Takes a person's day for their digest; false when it was taken already (by this run or another process). */
export async function claimDigestDay(tx: Executor, userId: string, day: string, items: number): Promise<boolean> {
  const inserted = await tx
    .insert(digestSends)
    .values({ userId, day, items: items > 0 ? -items : 0 })
    .onConflictDoNothing()
    .returning({ day: digestSends.day });
  return inserted.length === 1;
}

/** Marks a day's digest as handed over (`items` listed), or as having nothing to send (0). */
export async function settleDigestDay(userId: string, day: string, items: number, tx: Executor = db): Promise<void> {
  await tx
    .update(digestSends)
    .set({ items: Math.max(0, items) })
    .where(and(eq(digestSends.userId, userId), eq(digestSends.day, day)));
}

/** A day's digest row, to see what became of it; null when there is none. */
export async function digestDay(userId: string, day: string) {
  const [row] = await db
    .select()
    .from(digestSends)
    .where(and(eq(digestSends.userId, userId), eq(digestSends.day, day)));
  return row ?? null;
}

/** Letters of the person waiting for their time within [start, end): the ones that leave today. */
export async function lettersScheduledBetween(userId: string, start: Date, end: Date, tx: Executor = db) {
  return tx
    .select({
      letterId: letters.id,
      kind: letters.kind,
      subject: letters.subject,
      body: letters.body,
      leavesAt: letters.nextAttemptAt,
      automatic: letters.automatic,
      applicationId: letters.applicationId,
      company: companies.name,
      toName: letterRecipients.name,
      toEmail: letterRecipients.email,
    })
    .from(letters)
    .leftJoin(
      letterRecipients,
      and(eq(letterRecipients.userId, userId), eq(letterRecipients.letterId, letters.id), eq(letterRecipients.role, 'to')),
    )
    .leftJoin(applications, and(eq(applications.userId, userId), eq(applications.id, letters.applicationId)))
    .leftJoin(companies, and(eq(companies.userId, userId), eq(companies.id, applications.companyId)))
    .where(
      and(
        eq(letters.userId, userId),
        SCHEDULED(letters.status),
        eq(letters.isTest, false),
        gte(letters.nextAttemptAt, start),
        lt(letters.nextAttemptAt, end),
      ),
    )
    .orderBy(asc(letters.nextAttemptAt), asc(letters.id))
    .limit(25);
}

/** The words of the person's letters by id, to show their first lines. */
export async function letterBodies(userId: string, letterIds: string[], tx: Executor = db) {
  if (letterIds.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: letters.id, body: letters.body })
    .from(letters)
    .where(and(eq(letters.userId, userId), inArray(letters.id, letterIds)));
  return new Map(rows.map((r) => [r.id, r.body]));
}

/** What a digest's Send link does: an occasion's fields, or the letter waiting on a decision. */
export type DigestLinkTarget = Record<string, string>;

export async function createDigestLink(
  tx: Executor,
  userId: string,
  link: { tokenHash: string; target: DigestLinkTarget; expiresAt: Date },
): Promise<void> {
  await tx.insert(digestLinks).values({ userId, ...link });
}

/** This person's link, unused and not expired at `now`. */
function isLiveLink(userId: string, tokenHash: string, now: Date) {
  return and(
    eq(digestLinks.userId, userId),
    eq(digestLinks.tokenHash, tokenHash),
    isNull(digestLinks.usedAt),
    gt(digestLinks.expiresAt, now),
  );
}

/** What a live link of this person's does, without spending it; null when it is not theirs, used or expired. */
export async function liveDigestLink(userId: string, tokenHash: string, now: Date): Promise<DigestLinkTarget | null> {
  const [row] = await db.select({ target: digestLinks.target }).from(digestLinks).where(isLiveLink(userId, tokenHash, now));
  return row?.target ?? null;
}

/** Spends a live link of this person's (it works once) and returns what it does; null as above. */
export async function spendDigestLink(tx: Executor, userId: string, tokenHash: string, now: Date): Promise<DigestLinkTarget | null> {
  const [row] = await tx
    .update(digestLinks)
    .set({ usedAt: now })
    .where(isLiveLink(userId, tokenHash, now))
    .returning({ target: digestLinks.target });
  return row?.target ?? null;
}

/** Turns the person's digest on or off (the unsubscribe link turns it off); false for an unknown person. */
export async function setDigestEnabled(userId: string, enabled: boolean, tx: Executor = db): Promise<boolean> {
  const updated = await tx
    .update(users)
    .set({ digestEnabled: enabled, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return updated.length === 1;
}
