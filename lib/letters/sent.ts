import type { LetterProblem } from './plan';
import type { LetterStatus } from './status';

/** One letter of a click, as the person is told about it. */
export type SentLetter = {
  id: string;
  to: string;
  status: LetterStatus;
  /** When a `scheduled` letter leaves: the end of the undo window, or the time the person chose. */
  scheduledFor: Date | null;
  deliveredLocally: boolean;
  lastError: string | null;
};

/** What a send form shows after a click: the letters written, or what stops them. */
export type SendLetterData = { letters?: SentLetter[]; problems?: LetterProblem[] };
