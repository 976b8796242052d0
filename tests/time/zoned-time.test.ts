import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDateTimeInZone, instantToWallTime, isValidTimeZone, wallTimeToInstant } from '@/lib/time/zoned-time';

const instant = new Date('2026-03-14T13:30:00Z');

/** Counts the formatters made from here on, each still a real one. */
function countFormattersMade() {
  const Real = Intl.DateTimeFormat;
  return vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (...args: ConstructorParameters<typeof Real>) {
    return new Real(...args);
  } as unknown as typeof Real);
}

describe('formatters kept per zone', () => {
  afterEach(() => vi.restoreAllMocks());

  it('makes a zone\'s formatters once, however many times are shown in it', () => {
    const made = countFormattersMade();
    for (let i = 0; i < 50; i++) formatDateTimeInZone(instant, 'Asia/Kathmandu');
    // One to check the zone, one to show the time: not two for every time shown.
    expect(made).toHaveBeenCalledTimes(2);
  });

  it('keeps each zone apart: a time reads in its own zone, whichever was shown first', () => {
    expect(formatDateTimeInZone(instant, 'Europe/Berlin')).toBe('Sat, Mar 14, 2026, 2:30 PM GMT+1');
    expect(formatDateTimeInZone(instant, 'America/New_York')).toBe('Sat, Mar 14, 2026, 9:30 AM EDT');
    expect(formatDateTimeInZone(instant, 'Europe/Berlin')).toBe('Sat, Mar 14, 2026, 2:30 PM GMT+1');
    expect(instantToWallTime(instant, 'America/New_York')).toBe('2026-03-14T09:30');
    expect(instantToWallTime(instant, 'Europe/Berlin')).toBe('2026-03-14T14:30');
    expect(wallTimeToInstant('2026-03-14T14:30', 'Europe/Berlin')).toEqual(instant);
  });

  it('still refuses a zone the runtime does not know, and shows its times in UTC', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(formatDateTimeInZone(instant, 'Mars/Olympus_Mons')).toBe('Sat, Mar 14, 2026, 1:30 PM UTC');
  });

  it('stays bounded: odd names typed into a form start it afresh rather than grow it', () => {
    // Zone names are matched without regard to case, so every spelling of one is a zone of its own to the cache.
    const zones = Array.from({ length: 1_500 }, (_, i) => {
      const spelt = [...'europeberlin'].map((c, j) => ((i >> j) & 1 ? c.toUpperCase() : c)).join('');
      return `${spelt.slice(0, 6)}/${spelt.slice(6)}`;
    });
    expect(new Set(zones).size).toBe(1_500);
    for (const zone of zones) expect(isValidTimeZone(zone)).toBe(true);
    const made = countFormattersMade();
    isValidTimeZone(zones[0]);
    // The first spelling was dropped when the cache started afresh, so it is checked again.
    expect(made).toHaveBeenCalledTimes(1);
  });
});
