/** What an application's timeline records; the database's enum is built from this list. */
export const ACTIVITY_KINDS = [
  'application_created',
  'application_updated',
  'stage_changed',
  'interview_logged',
  'interview_updated',
  'contact_added',
  'contact_linked',
  'contact_unlinked',
  'contacts_merged',
  'letter_sent',
  'letter_cancelled',
  'reply_received',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
