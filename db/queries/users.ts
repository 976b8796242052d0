import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { users } from '@/db/schema';

export type Profile = { name: string | null; email: string; signature: string | null; replyTo: string | null };

export async function getProfile(userId: string): Promise<Profile | null> {
  const [row] = await db
    .select({ name: users.name, email: users.email, signature: users.signature, replyTo: users.replyTo })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function updateProfile(
  userId: string,
  profile: { name: string; signature: string | null; replyTo: string | null },
  tx: Executor = db,
): Promise<boolean> {
  const updated = await tx
    .update(users)
    .set({ ...profile, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return updated.length === 1;
}
