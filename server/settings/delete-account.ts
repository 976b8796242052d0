import 'server-only';
import { db } from '@/db';
import { deleteAccountRows, lockAccount } from '@/db/queries/account';
import { lockUnsentLetters } from '@/db/queries/letters';
import { LETTER_BEING_SENT, NOT_FOUND, UserError } from '@/lib/errors';
import { confirmsAccount } from '@/lib/settings/delete-account';

export type AccountDeletion = { deleted: true; lettersCancelled: number } | { deleted: false; reason: 'wrong_email' };

/**
 * A person deletes their account: every row they own goes, their letters not
 * yet sent are cancelled (they go with it, so no sender can take one), and
 * every session ends. They confirm by typing the account's address. Refused
 * while a sender holds one of their letters: that letter may be with Resend
 * right now, and its answer belongs on the row.
 */
export async function deleteAccount(userId: string, typedEmail: string): Promise<AccountDeletion> {
  return db.transaction(async (tx) => {
    // First the person's row: writing a letter locks it too, so none is written while this runs.
    const email = await lockAccount(tx, userId);
    if (!email) throw new UserError(NOT_FOUND.account);
    if (!confirmsAccount(typedEmail, email)) return { deleted: false, reason: 'wrong_email' };
    // Then every letter still waiting: a sender that tries to claim one now waits, and finds it gone.
    const { queued, beingSent } = await lockUnsentLetters(tx, userId, 'all');
    if (beingSent > 0) throw new UserError(LETTER_BEING_SENT);
    if (!(await deleteAccountRows(tx, userId, email))) throw new UserError(NOT_FOUND.account);
    return { deleted: true, lettersCancelled: queued };
  });
}
