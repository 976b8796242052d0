'use client';

import Link from 'next/link';
import { useId } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionState, FormAction } from '@/lib/actions/state';
import type { SendLetterData, SentLetter } from '@/lib/letters/sent';
import { MAX_UNDO_SECONDS } from '@/lib/letters/undo';
import { LetterProblems } from './letter-problems';
import { useShownInPlace } from './undo-store';
import { type LeavingLetter, UndoSending } from './undo-sending';

/** The "one letter, or one each" choice, with why it matters. */
export function SeparateChoice({ defaultChecked }: { defaultChecked: boolean }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2 text-sm">
      <input
        id={id}
        type="checkbox"
        name="separate"
        defaultChecked={defaultChecked}
        className="mt-0.5 size-4 rounded border-stone-400"
        aria-describedby={`${id}-hint`}
      />
      <div>
        <label htmlFor={id} className="text-stone-900">
          A separate letter to each person
        </label>
        <p id={`${id}-hint`} className="text-xs text-stone-600">
          Only separate letters show a delivery status for each person.
        </p>
      </div>
    </div>
  );
}

/**
 * The choice where several people are met. With one person there is nothing
 * to choose, but a letter meant to go "one each" still must: otherwise it
 * would need that person to be the application's primary contact.
 */
export function SeparateField({ manyPeople, separateByDefault }: { manyPeople: boolean; separateByDefault: boolean }) {
  if (manyPeople) return <SeparateChoice defaultChecked={separateByDefault} />;
  return separateByDefault ? <input type="hidden" name="separate" value="on" /> : null;
}

/** Letters of a click that wait out the undo window, not a time the person chose. */
function inUndoWindow(letters: SentLetter[]): LeavingLetter[] {
  return letters.flatMap((l) =>
    l.status === 'scheduled' && l.scheduledFor && new Date(l.scheduledFor).getTime() - Date.now() <= (MAX_UNDO_SECONDS + 1) * 1000
      ? [{ id: l.id, to: l.to, scheduledFor: l.scheduledFor }]
      : [],
  );
}

/**
 * What came of a send: sent, leaving in a few seconds with Undo, or why not
 * and where to fix it, with a link to the letter.
 */
export function SendOutcome({ state, cancelAction }: { state: ActionState<string, SendLetterData>; cancelAction: FormAction }) {
  const letter = state.ok ? state.data?.letters?.[0] : undefined;
  const leaving = inUndoWindow(state.ok ? (state.data?.letters ?? []) : []);
  useShownInPlace(leaving.map((l) => l.id));
  return (
    <>
      {leaving.length > 0 ? <UndoSending key={leaving[0].id} letters={leaving} cancelAction={cancelAction} /> : <FormMessage ok={state.ok} message={state.message} />}
      <LetterProblems problems={state.data?.problems ?? []} />
      {letter && (
        <p className="text-sm">
          <Link href={`/letters/${letter.id}`} className="font-medium text-accent underline">
            View the letter
          </Link>
        </p>
      )}
    </>
  );
}
