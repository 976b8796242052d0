/**
 * What an email that came back is: a person's answer, an automatic one (out
 * of office, a mailer's notice), or the job seeker writing to themselves.
 * Only a `reply` stops follow-ups and counts in the outcomes. The database's
 * enum is built from this list.
 */
export const REPLY_KINDS = ['reply', 'auto_reply', 'self'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/**
 * How a received email was tied to a letter, strongest first: the signed
 * reply address, the thread headers (In-Reply-To / References), or only the
 * sender being one of the person's contacts.
 */
export const REPLY_MATCHES = ['token', 'thread', 'sender'] as const;
export type ReplyMatch = (typeof REPLY_MATCHES)[number];

/** The one-click move the Replies list offers for a reply. */
export const REPLY_NEXT_STEPS = ['log_interview', 'move_to_rejected', 'mark_read'] as const;
export type ReplyNextStep = (typeof REPLY_NEXT_STEPS)[number];

/** What became of a received email once read: recorded as a reply, matched to nothing, or given up on. */
export const RECEIVED_OUTCOMES = ['recorded', 'unmatched', 'gave_up'] as const;
export type ReceivedOutcome = (typeof RECEIVED_OUTCOMES)[number];
