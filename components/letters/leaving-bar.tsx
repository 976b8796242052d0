'use client';

import type { FormAction } from '@/lib/actions/state';
import { useLettersShownInPlace } from './undo-store';
import { type LeavingLetter, UndoSending } from './undo-sending';

/**
 * The letters about to leave, at the foot of every page: the undo window
 * outlives the page a letter was sent from. Letters whose Undo is already
 * shown where they were sent are left out here.
 */
export function LeavingBar({ letters, cancelAction }: { letters: LeavingLetter[]; cancelAction: FormAction }) {
  const shownInPlace = useLettersShownInPlace();
  const here = letters.filter((l) => !shownInPlace.has(l.id));
  if (here.length === 0) return null;
  return (
    <aside
      aria-label="Letters about to leave"
      className="fixed inset-x-0 bottom-0 z-20 border-t border-stone-300 bg-white/95 px-4 py-3 shadow-lg sm:inset-x-auto sm:bottom-4 sm:left-4 sm:max-w-md sm:rounded-lg sm:border"
    >
      <ul className="space-y-2">
        {here.map((letter) => (
          <li key={letter.id}>
            <UndoSending letters={[letter]} cancelAction={cancelAction} />
          </li>
        ))}
      </ul>
    </aside>
  );
}
