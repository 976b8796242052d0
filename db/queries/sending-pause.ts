import 'server-only';
import { desc, gt, sql } from 'drizzle-orm';
import { db } from '@/db';
import { sendingPauses } from '@/db/schema';
import type { Quota } from '@/lib/letters/pause';

/*
 * A spent Resend quota belongs to the whole service, not to a person: these
 * rows hold every process's letters back until the quota is whole again.
 */

/** No letter is handed over until `until`; a later pause of the same quota wins. */
export async function pauseSending(quota: Quota, until: Date): Promise<void> {
  await db
    .insert(sendingPauses)
    .values({ quota, until })
    .onConflictDoUpdate({ target: sendingPauses.quota, set: { until: sql`greatest(${sendingPauses.until}, excluded.until)` } });
}

/** The pause that holds now, the longest first, or null when letters may go. */
export async function currentSendingPause(): Promise<{ quota: Quota; until: Date } | null> {
  const [pause] = await db
    .select({ quota: sendingPauses.quota, until: sendingPauses.until })
    .from(sendingPauses)
    .where(gt(sendingPauses.until, sql`now()`))
    .orderBy(desc(sendingPauses.until))
    .limit(1);
  return pause ?? null;
}
