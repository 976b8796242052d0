'use client';

import { cancelLetterAction, sendLetterAction } from '@/app/(app)/letters/actions';
import { LetterProblems } from '@/components/letters/letter-problems';
import { composeHref } from '@/components/letters/recipients-in-words';
import { SendLetter, type SendLetterProps } from '@/components/letters/send-letter';
import type { LetterProblem } from '@/lib/letters/plan';

export type DueSendLetterProps = Omit<SendLetterProps, 'action' | 'cancelAction' | 'composeHref'>;

/**
 * A row's one-click send. The actions are imported here rather than handed
 * down with every row: React waits for a server action passed as a prop
 * while it streams, which sent each row's form as a fragment of its own.
 * The compose link is built here from the row's occasion too.
 */
export function DueSendLetter(props: DueSendLetterProps) {
  // An interview's thank-you is opened by its interview alone.
  const compose = composeHref(props.interviewId ? { occasion: props.occasion, interviewId: props.interviewId } : props);
  return <SendLetter {...props} action={sendLetterAction} cancelAction={cancelLetterAction} composeHref={compose} />;
}

/**
 * A letter owed as its row offers it, checked on the server: ready in one
 * click (who it goes to, and a fresh id for the click), or what must be
 * filled in first and where.
 */
export type RowLetter =
  | { recipients: string; manyPeople: boolean; requestId: string }
  | { problems: Pick<LetterProblem, 'message' | 'href'>[] };

/** The one-click send, or what must be filled in first and where. */
export function LetterOrProblems({
  letter,
  about,
  send,
}: {
  letter: RowLetter;
  about: string;
  send: Omit<DueSendLetterProps, 'recipients' | 'manyPeople' | 'requestId' | 'about'>;
}) {
  if ('problems' in letter) {
    return (
      <div className="space-y-1">
        <p className="text-sm font-medium text-stone-900">Not ready to send yet:</p>
        <LetterProblems problems={letter.problems} about={about} />
      </div>
    );
  }
  return <DueSendLetter {...send} {...letter} about={about} />;
}
