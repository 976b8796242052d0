/**
 * How many recipients one person's letters may reach in any 24 hours. An
 * operator may give one person another number (`users.daily_recipient_cap`);
 * this is what everyone starts with.
 */
export const DAILY_RECIPIENT_CAP = 50;
/** A new account reaches fewer people, so an account made to send spam is worth little. */
export const NEW_ACCOUNT_DAILY_RECIPIENT_CAP = 20;
/** How long an account counts as new. */
export const NEW_ACCOUNT_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The cap that holds for this account now: its own, and no more than the new-account cap in its first days. */
export function dailyRecipientCap(account: { cap: number; createdAt: Date }, now = new Date()): number {
  const isNew = now.getTime() - account.createdAt.getTime() < NEW_ACCOUNT_DAYS * DAY_MS;
  return isNew ? Math.min(account.cap, NEW_ACCOUNT_DAILY_RECIPIENT_CAP) : account.cap;
}
