import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { letters } from '@/db/schema';

/** The letters already written for an application (tests excluded), newest first: one indexed query. */
export async function applicationLetters(userId: string, applicationId: string) {
  return db
    .select({
      id: letters.id,
      kind: letters.kind,
      interviewId: letters.interviewId,
      status: letters.status,
      deliveredLocally: letters.deliveredLocally,
      createdAt: letters.createdAt,
    })
    .from(letters)
    .where(and(eq(letters.userId, userId), eq(letters.applicationId, applicationId), eq(letters.isTest, false)))
    .orderBy(desc(letters.createdAt));
}

export type ApplicationLetter = Awaited<ReturnType<typeof applicationLetters>>[number];
