/**
 * A new reply-to address is used only once its owner opens the link sent to
 * it, so nobody can have replies (or Afterword's letters) point at a mailbox
 * that is not theirs. The link lasts this long and works once.
 */
export const REPLY_TO_LINK_HOURS = 24;

/** The page the link opens; it asks for a press of a button before anything changes. */
export const REPLY_TO_CONFIRM_PATH = '/settings/reply-to';

/** When a link made at `now` stops working. */
export function replyToLinkExpiry(now: Date): Date {
  return new Date(now.getTime() + REPLY_TO_LINK_HOURS * 60 * 60 * 1000);
}

/** A link that does not count, told the same whatever the reason, so nobody learns whose it was. */
export const REPLY_TO_LINK_REFUSED =
  'This link does not work: it was used already, has expired, was replaced by a newer one, or belongs to another account. Send a new one from Settings.';
