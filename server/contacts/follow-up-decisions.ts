import 'server-only';
import { markReplied, stopFollowUps } from '@/db/queries/due/follow-ups';
import { NOT_FOUND, UserError } from '@/lib/errors';

/** "Stop": no more follow-ups with this person; their contact page turns them back on. Returns their name. */
export async function stopFollowingUp(userId: string, contactId: string): Promise<string> {
  const contact = await stopFollowUps(userId, contactId);
  if (!contact) throw new UserError(NOT_FOUND.dueItem);
  return contact.name;
}

/** "They replied": the follow-up stops until the next letter to them. */
export async function markContactReplied(userId: string, contactId: string): Promise<void> {
  if (!(await markReplied(userId, contactId))) throw new UserError(NOT_FOUND.dueItem);
}
