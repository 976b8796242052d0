'use client';

import { useEffect, useSyncExternalStore } from 'react';

/*
 * Which letters about to leave are shown with their Undo where they were
 * sent from. The bar at the foot of every page leaves those out, so a letter
 * never has two Undo buttons; once the person moves to another page, the
 * bar shows it until it leaves.
 */
const shown = new Map<string, number>();
const listeners = new Set<() => void>();
let snapshot: ReadonlySet<string> = new Set();

function changed() {
  snapshot = new Set(shown.keys());
  for (const listener of listeners) listener();
}

/** Marks letters as shown in place while the calling component is mounted. */
export function useShownInPlace(letterIds: string[]) {
  const key = letterIds.join(',');
  useEffect(() => {
    if (!key) return;
    const ids = key.split(',');
    for (const id of ids) shown.set(id, (shown.get(id) ?? 0) + 1);
    changed();
    return () => {
      for (const id of ids) {
        const count = (shown.get(id) ?? 1) - 1;
        if (count > 0) shown.set(id, count);
        else shown.delete(id);
      }
      changed();
    };
  }, [key]);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const empty: ReadonlySet<string> = new Set();

/** The letters shown in place right now. */
export function useLettersShownInPlace(): ReadonlySet<string> {
  return useSyncExternalStore(
    subscribe,
    () => snapshot,
    () => empty,
  );
}
