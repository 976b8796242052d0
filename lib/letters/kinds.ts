/**
 * The letters the source document calls for, and asking for feedback after a
 * rejection (one of its reasons to write); the database's enum is built from this list.
 */
export const LETTER_KINDS = ['interview_thanks', 'rejection_thanks', 'follow_up', 'feedback_request'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** A letter has one To and may copy others. */
export const LETTER_RECIPIENT_ROLES = ['to', 'cc'] as const;
export type LetterRecipientRole = (typeof LETTER_RECIPIENT_ROLES)[number];
