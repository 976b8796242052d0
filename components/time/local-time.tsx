'use client';

import { formatDateTimeInZone } from '@/lib/time/zoned-time';
import { useBrowserTimeZone } from './use-browser-time-zone';

/** An instant in the reader's own time zone (UTC until the browser has said which). */
export function LocalTime({ iso }: { iso: string }) {
  const zone = useBrowserTimeZone();
  return <time dateTime={iso}>{formatDateTimeInZone(new Date(iso), zone ?? 'UTC')}</time>;
}
