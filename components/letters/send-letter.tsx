'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState, FormAction } from '@/lib/actions/state';
import type { FollowUpPlanKind } from '@/lib/follow-ups/plans';
import type { Occasion } from '@/lib/letters/occasion';
import type { SendLetterData } from '@/lib/letters/sent';
import { SendOutcome, SeparateField } from './send-parts';

export type SendLetterProps = {
  /** The send action, handed down by the page (a shared component never imports a route's actions). */
  action: FormAction<SendLetterData>;
  /** Undo: stops the letters of a click while they wait out the undo window. */
  cancelAction: FormAction;
  occasion: Occasion['occasion'];
  interviewId?: string;
  applicationId?: string;
  contactId?: string;
  /** A follow-up plan's step: the server decides which step and to whom. */
  followUpPlan?: FollowUpPlanKind;
  /** The button's words, e.g. "Send thank-you". */
  label: string;
  /** Who it goes to, in words ("To Ada Lovelace, copy to Bob Stone"). */
  recipients: string;
  /** After a rejection each person gets their own letter by default. */
  separateByDefault: boolean;
  /** Whether more than one person is met: only then is "separate" a choice. */
  manyPeople: boolean;
  /** A fresh id from the server render; a replayed click carries the same one. */
  requestId: string;
  /** Where the letter can be previewed and edited first. */
  composeHref: string;
  /** False once the letter is written: only the outcome of the last click stays. */
  controls?: boolean;
  /** Which letter this is, for screen readers where a page lists several ("Grace Hopper at Acme"). */
  about?: string;
};

const initial: ActionState<string, SendLetterData> = { ok: false };

/**
 * One click sends the letter, already written from the default template.
 * Preview-and-edit is a link away, never required. The result, or what is
 * missing and where to fill it in, appears in place.
 */
export function SendLetter(props: SendLetterProps) {
  const [state, action] = useActionState(props.action, initial);
  const about = props.about && <span className="sr-only">{` (${props.about})`}</span>;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="occasion" value={props.occasion} />
      {props.interviewId && <input type="hidden" name="interviewId" value={props.interviewId} />}
      {props.applicationId && <input type="hidden" name="applicationId" value={props.applicationId} />}
      {props.contactId && <input type="hidden" name="contactId" value={props.contactId} />}
      {props.followUpPlan && <input type="hidden" name="followUpPlan" value={props.followUpPlan} />}
      <input type="hidden" name="requestId" value={props.requestId} />
      {props.controls !== false && (
        <>
          <p className="text-sm text-stone-700">{props.recipients}</p>
          <SeparateField manyPeople={props.manyPeople} separateByDefault={props.separateByDefault} />
          <div className="flex flex-wrap items-center gap-2">
            <SubmitButton pendingLabel="Sending…" name="test" value="0">
              {props.label}
              {about}
            </SubmitButton>
            <SubmitButton pendingLabel="Sending test…" variant="secondary" name="test" value="1">
              Send a test to myself
              {about}
            </SubmitButton>
            <Link href={props.composeHref} className="text-sm font-medium text-accent underline">
              Preview and edit
              {about}
            </Link>
          </div>
        </>
      )}
      <SendOutcome state={state} cancelAction={props.cancelAction} />
    </form>
  );
}
