import 'server-only';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { deletePendingReplyTo, pendingReplyTo } from '@/db/queries/reply-to-confirmations';
import { getProfile, type TimeSettings, updateProfile } from '@/db/queries/users';
import { NOT_FOUND, UserError } from '@/lib/errors';
import { sendReplyToLink } from './reply-to-link';

/** What became of the reply-to: in use now, or waiting for its link (`mailed` when one went just now). */
export type ReplyToOutcome = { inUse: string } | { waiting: string; mailed: boolean };

/**
 * A person sets the name, signature and reply-to address their letters go
 * out with. The sign-in address, the address already confirmed, or none at
 * all take effect at once (and drop any pending one); a new address waits
 * for the link mailed to it, and letters keep replying to the address before.
 * The time settings (zone, undo window, digest) are saved with them, each
 * left as it was when the form does not carry it.
 */
export async function saveSettings(
  userId: string,
  profile: { name: string; signature: string | null; replyTo: string | null } & Partial<TimeSettings>,
  now: Date = new Date(),
): Promise<ReplyToOutcome> {
  const current = await getProfile(userId);
  if (!current) throw new UserError(NOT_FOUND.account);
  const wanted = profile.replyTo;
  const save = async (replyTo: string | null, tx: Executor = db) => {
    const { timeZone, undoSeconds, digestEnabled, digestMinute } = profile;
    const times = Object.fromEntries(
      Object.entries({ timeZone, undoSeconds, digestEnabled, digestMinute }).filter(([, v]) => v !== undefined),
    );
    if (!(await updateProfile(userId, { name: profile.name, signature: profile.signature, replyTo, ...times }, tx))) {
      throw new UserError(NOT_FOUND.account);
    }
  };

  if (wanted === null || wanted === current.replyTo || wanted === current.email.toLowerCase()) {
    await db.transaction(async (tx) => {
      await save(wanted, tx);
      await deletePendingReplyTo(tx, userId);
    });
    return { inUse: wanted ?? current.email };
  }

  const pending = await pendingReplyTo(userId);
  if (pending?.address === wanted && pending.expiresAt > now) {
    // Saved again as it waits: its link still works, so no second mail.
    await save(current.replyTo);
    return { waiting: wanted, mailed: false };
  }
  await sendReplyToLink(userId, current.email, wanted, { now, beforeMail: (tx) => save(current.replyTo, tx) });
  return { waiting: wanted, mailed: true };
}
