'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};
let zone: string | undefined;
// Asked once and kept: React reads the snapshot on every render of every time shown, and making the formatter that answers is slow.
const browserZone = () => (zone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
const noZoneOnServer = () => null;

/**
 * The reader's time zone, or null while server-rendering and hydrating: the
 * server cannot know it, and the first client render must match the server's.
 */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(subscribe, browserZone, noZoneOnServer);
}
