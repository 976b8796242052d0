import type { InterviewKind } from './labels';

/** What a person tells about an interview: when, which round, who was there, and who the thank-you goes to. */
export type InterviewInput = {
  scheduledAt: Date;
  timeZone: string;
  kind: InterviewKind;
  location: string | null;
  notes: string | null;
  impression: string | null;
  /** The person's existing contacts who were there. */
  attendeeIds: string[];
  /** People met for the first time, typed in the form. */
  newPeople: { name: string; email: string }[];
  /** Who the thank-you goes to: an existing contact, or one of `newPeople` by position. */
  primary: { contactId: string } | { newPerson: number } | null;
};
