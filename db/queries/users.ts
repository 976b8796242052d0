import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { users } from '@/db/schema';

/** When letters wait and the digest comes, in the person's own time zone. */
export type TimeSettings = { timeZone: string; undoSeconds: number; digestEnabled: boolean; digestMinute: number };

export type Profile = { name: string | null; email: string; signature: string | null; replyTo: string | null } & TimeSettings;

export async function getProfile(userId: string): Promise<Profile | null> {
  const [row] = await db
    .select({
      name: users.name,
      email: users.email,
      signature: users.signature,
      replyTo: users.replyTo,
      timeZone: users.timeZone,
      undoSeconds: users.undoSeconds,
      digestEnabled: users.digestEnabled,
      digestMinute: users.digestMinute,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function updateProfile(
  userId: string,
  profile: { name: string; signature: string | null; replyTo: string | null } & Partial<TimeSettings>,
  tx: Executor = db,
): Promise<boolean> {
  const updated = await tx
    .update(users)
    .set({ ...profile, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return updated.length === 1;
}
