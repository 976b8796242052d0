import type { InterviewKind } from '@/lib/pipeline/labels';
import type { ApplicationStage } from '@/lib/pipeline/stages';
import type { LetterKind } from './kinds';
import type { LetterStatus } from './status';

/** Someone a letter may go to, with what stops it being sent to them. */
export type LetterPerson = {
  contactId: string;
  name: string;
  email: string | null;
  isPrimary: boolean;
  /** Set when this address bounced or complained before. */
  flagged: LetterStatus | null;
};

export type LetterInterview = {
  id: string;
  scheduledAt: Date;
  timeZone: string;
  kind: InterviewKind;
  impression: string | null;
};

/** Everything one occasion's letters are written from, read in a few queries scoped to the person. */
export type LetterContext = {
  kind: LetterKind;
  applicationId: string;
  stage: ApplicationStage;
  company: string;
  position: string;
  /** The interview the letter is about: the one thanked for, or the latest one. */
  interview: LetterInterview | null;
  /** Who the letter goes to, primary first. */
  people: LetterPerson[];
  me: {
    name: string | null;
    signature: string | null;
    email: string;
    replyTo: string | null;
    dailyRecipientCap: number;
    /** Their own zone: "tomorrow morning their time" when the occasion has no interview to say where the recipient is. */
    timeZone: string;
  };
};
