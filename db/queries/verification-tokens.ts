import 'server-only';
import { lt } from 'drizzle-orm';
import { db } from '@/db';
import { verificationTokens } from '@/db/schema';

/**
 * Deletes the sign-in tokens that expired before `now`; returns how many.
 * Auth.js deletes a token when its link is used, never one that was not, so
 * without this every unused link would stay forever. Tokens belong to an
 * address, not yet to a person, hence no userId. The table only ever holds the
 * links of the last few minutes (each lasts 15, the prune runs every 10), so
 * one statement is enough.
 */
export async function deleteExpiredVerificationTokens(now: Date): Promise<number> {
  const deleted = await db
    .delete(verificationTokens)
    .where(lt(verificationTokens.expires, now))
    .returning({ identifier: verificationTokens.identifier });
  return deleted.length;
}
