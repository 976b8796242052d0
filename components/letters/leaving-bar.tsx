'use client';

import { useEffect, useState } from 'react';
import type { FormAction } from '@/lib/actions/state';
import { useLettersShownInPlace } from './undo-store';
import { type LeavingLetter, UndoSending } from './undo-sending';

/** How long a letter stays in the bar after its time, so "On its way" or "Cancelled" can be read. */
const LINGER_MS = 15_000;

/**
 * The letters the page was rendered with, and those it had before that
 * left the list only moments ago: an Undo pressed here refreshes the page,
 * and its answer must stay on screen.
 */
function useLingering(letters: LeavingLetter[]): LeavingLetter[] {
  const [kept, setKept] = useState(letters);
  const [given, setGiven] = useState(letters);
  if (given !== letters) {
    setGiven(letters);
    const ids = new Set(letters.map((l) => l.id));
    setKept([...letters, ...kept.filter((l) => !ids.has(l.id))]);
  }
  useEffect(() => {
    if (kept.length === 0) return;
    const timer = setInterval(() => {
      const now = Date.now();
      setKept((current) => {
        const live = current.filter((l) => new Date(l.scheduledFor).getTime() + LINGER_MS > now);
        return live.length === current.length ? current : live;
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [kept.length]);
  return kept;
}

/**
 * The letters about to leave, at the foot of every page: the undo window
 * outlives the page a letter was sent from. Letters whose Undo is already
 * shown where they were sent are left out here.
 */
export function LeavingBar({ letters, cancelAction }: { letters: LeavingLetter[]; cancelAction: FormAction }) {
  const shownInPlace = useLettersShownInPlace();
  const here = useLingering(letters).filter((l) => !shownInPlace.has(l.id));
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
