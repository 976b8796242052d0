import 'server-only';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { markReplied, stopFollowUps } from '@/db/queries/due/follow-ups';
import { NOT_FOUND, UserError } from '@/lib/errors';
import { settlePlanLetters } from '@/server/follow-ups/settle-plan-letters';

/** "Stop": no more follow-ups with this person; their contact page turns them back on. Returns their name. */
export async function stopFollowingUp(userId: string, contactId: string): Promise<string> {
  const contact = await stopFollowUps(userId, contactId);
  if (!contact) throw new UserError(NOT_FOUND.dueItem);
  return contact.name;
}

/** "They replied": the follow-up stops until the next letter to them, and so do the plans writing to them. */
export async function markContactReplied(userId: string, contactId: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await markRepliedIn(tx, userId, contactId, new Date()))) throw new UserError(NOT_FOUND.dueItem);
  });
}

/** A reply from them at `at`, pressed or received, in the caller's transaction; false when the contact is missing. */
export async function markRepliedIn(tx: Executor, userId: string, contactId: string, at: Date): Promise<boolean> {
  if (!(await markReplied(userId, contactId, at, tx))) return false;
  await settlePlanLetters(tx, userId, { contactId });
  return true;
}
