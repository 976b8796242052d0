import 'server-only';
import { updateProfile } from '@/db/queries/users';
import { NOT_FOUND, UserError } from '@/lib/errors';

/** A person sets the name, signature and reply-to address their letters go out with. */
export async function saveSettings(userId: string, profile: { name: string; signature: string | null; replyTo: string | null }): Promise<void> {
  if (!(await updateProfile(userId, profile))) throw new UserError(NOT_FOUND.account);
}
