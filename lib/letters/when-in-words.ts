import type { LetterKind } from './kinds';
import type { Occasion } from './occasion';
import { calendarDateInZone, isValidTimeZone } from '@/lib/time/zoned-time';

/** "Berlin" for Europe/Berlin, "Buenos Aires" for America/Argentina/Buenos_Aires: how a person names a zone. */
export function placeOfZone(zone: string): string {
  return (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
}

function reading(at: Date, zone: string, withYear: boolean) {
  const day = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(at);
  const time = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return { day, time };
}

/**
 * When a letter leaves, read on both clocks: "Tue, May 12, 08:30 in Berlin
 * (07:30 your time)". The person's day is said again only when it is another
 * day on their clock, and one reading is enough when both clocks agree. The
 * year is said when it is not this one.
 */
export function leavesAtInWords(at: Date, theirZone: string, yourZone: string, now: Date): string {
  const their = isValidTimeZone(theirZone) ? theirZone : 'UTC';
  const yours = isValidTimeZone(yourZone) ? yourZone : 'UTC';
  const withYear = calendarDateInZone(at, yours).slice(0, 4) !== calendarDateInZone(now, yours).slice(0, 4);
  const there = reading(at, their, withYear);
  const here = reading(at, yours, withYear);
  if (there.day === here.day && there.time === here.time) return `${here.day}, ${here.time} your time`;
  const yourReading = there.day === here.day ? here.time : `${here.day}, ${here.time}`;
  return `${there.day}, ${there.time} in ${placeOfZone(their)} (${yourReading} your time)`;
}

/**
 * The compose page's occasion a letter was written for, to write it again
 * (after it was cancelled); null when it can no longer be told (the
 * interview or application is gone) or the kind has no compose page.
 */
export function occasionOfLetter(letter: {
  kind: LetterKind;
  interviewId: string | null;
  applicationId: string | null;
  toContactId: string | null;
}): Occasion | null {
  switch (letter.kind) {
    case 'interview_thanks':
      return letter.interviewId ? { occasion: 'interview_thanks', interviewId: letter.interviewId } : null;
    case 'rejection_thanks':
      return letter.applicationId ? { occasion: 'rejection_thanks', applicationId: letter.applicationId } : null;
    case 'follow_up':
      return letter.applicationId && letter.toContactId
        ? { occasion: 'follow_up', applicationId: letter.applicationId, contactId: letter.toContactId }
        : null;
    default:
      return null;
  }
}
