import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { signInThrottle } from '@/db/schema';

/** True when no sign-in mail went to this address in the last minute; claims the slot. */
export async function claimSignInSlot(email: string): Promise<boolean> {
  const claimed = await db
    .insert(signInThrottle)
    .values({ email, lastSentAt: sql`now()` })
    .onConflictDoUpdate({
      target: signInThrottle.email,
      set: { lastSentAt: sql`now()` },
      setWhere: sql`${signInThrottle.lastSentAt} <= now() - interval '1 minute'`,
    })
    .returning({ email: signInThrottle.email });
  return claimed.length > 0;
}

/** Gives the slot back, so asking again at once sends. */
export async function releaseSignInSlot(email: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.email, email));
}
