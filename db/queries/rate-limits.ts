import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { db } from '@/db';
import { rateLimitWindows } from '@/db/schema';

/**
 * Counts one request in its window and returns the window's count so far,
 * this one included. One statement, so two processes counting at once each
 * see their own number. Keys are hashes of a person, an address or an IP,
 * not a person's rows, hence no userId.
 */
export async function countRequest(scope: string, key: string, windowStart: Date): Promise<number> {
  const [row] = await db
    .insert(rateLimitWindows)
    .values({ scope, key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitWindows.scope, rateLimitWindows.key, rateLimitWindows.windowStart],
      set: { count: sql`${rateLimitWindows.count} + 1` },
    })
    .returning({ count: rateLimitWindows.count });
  return row!.count;
}

/** Deletes the windows that started before `before`; returns how many. */
export async function deleteRateLimitWindowsBefore(before: Date): Promise<number> {
  const deleted = await db
    .delete(rateLimitWindows)
    .where(lt(rateLimitWindows.windowStart, before))
    .returning({ scope: rateLimitWindows.scope });
  return deleted.length;
}
