'use client';

import { useBrowserTimeZone } from '@/components/time/use-browser-time-zone';
import { leavesAtInWords } from '@/lib/letters/when-in-words';

/**
 * When a letter leaves, on the recipient's clock and the person's: "Tue,
 * May 12, 08:30 in Berlin (07:30 your time)". "Your time" is where the
 * browser is, and the person's own zone until the browser has said.
 */
export function LeavesAt({ at, zone, profileZone }: { at: Date; zone: string; profileZone: string }) {
  const yours = useBrowserTimeZone() ?? profileZone;
  return <time dateTime={at.toISOString()}>{leavesAtInWords(at, zone, yours, new Date())}</time>;
}
