'use client';

import Link from 'next/link';
import { useId } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionState } from '@/lib/actions/state';
import type { SendLetterData } from '@/lib/letters/sent';
import { LetterProblems } from './letter-problems';

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

/** What came of a send: sent, or why not and where to fix it, with a link to the letter. */
export function SendOutcome({ state }: { state: ActionState<string, SendLetterData> }) {
  const letter = state.ok ? state.data?.letters?.[0] : undefined;
  return (
    <>
      <FormMessage ok={state.ok} message={state.message} />
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
