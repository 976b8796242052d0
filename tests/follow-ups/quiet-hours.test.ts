import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_SPACING_DAYS, withinWorkingHours } from '@/lib/follow-ups/quiet-hours';
import { automaticSendTime } from '@/lib/follow-ups/rules';
import { instantToWallTime } from '@/lib/time/zoned-time';

const at = (iso: string) => new Date(iso);
/** The result as the recipient's clock shows it. */
const wall = (instant: Date, zone: string) => instantToWallTime(instant, zone);

describe('withinWorkingHours', () => {
  it('keeps a time inside 08:00–18:00 on a weekday', () => {
    // Tue 12 May 2026, 10:15 in Berlin (UTC+2).
    const tuesday = at('2026-05-12T08:15:00Z');
    expect(withinWorkingHours(tuesday, 'Europe/Berlin')).toEqual(tuesday);
  });

  it('keeps 08:00 sharp and moves 18:00 sharp: the hours are from 08:00 up to, not including, 18:00', () => {
    expect(wall(withinWorkingHours(at('2026-05-12T06:00:00Z'), 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-05-12T08:00');
    expect(wall(withinWorkingHours(at('2026-05-12T16:00:00Z'), 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-05-13T09:00');
    expect(wall(withinWorkingHours(at('2026-05-12T15:59:00Z'), 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-05-12T17:59');
  });

  it('moves an early morning to 09:00 the same day', () => {
    expect(wall(withinWorkingHours(at('2026-05-12T03:30:00Z'), 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-05-12T09:00');
  });

  it('moves an evening to 09:00 the next weekday', () => {
    expect(wall(withinWorkingHours(at('2026-05-12T19:00:00Z'), 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-05-13T09:00');
  });

  it('moves Friday evening, Saturday and Sunday to Monday 09:00', () => {
    const monday = '2026-05-18T09:00';
    expect(wall(withinWorkingHours(at('2026-05-15T17:30:00Z'), 'Europe/Berlin'), 'Europe/Berlin')).toBe(monday);
    expect(wall(withinWorkingHours(at('2026-05-16T10:00:00Z'), 'Europe/Berlin'), 'Europe/Berlin')).toBe(monday);
    expect(wall(withinWorkingHours(at('2026-05-17T23:59:00Z'), 'UTC'), 'UTC')).toBe(monday);
  });

  it('decides the weekday on the recipient’s calendar, not the server’s', () => {
    // Friday 23:00 UTC is already Saturday 08:00 in Tokyo: Monday there.
    const friday = at('2026-05-15T23:00:00Z');
    expect(wall(withinWorkingHours(friday, 'Asia/Tokyo'), 'Asia/Tokyo')).toBe('2026-05-18T09:00');
    // And still Friday afternoon (16:00) in Los Angeles: it leaves as it is.
    expect(withinWorkingHours(friday, 'America/Los_Angeles')).toEqual(friday);
    // Monday 06:00 UTC is still Sunday evening in New York: Monday 09:00 there.
    expect(wall(withinWorkingHours(at('2026-05-18T02:00:00Z'), 'America/New_York'), 'America/New_York')).toBe('2026-05-18T09:00');
  });

  it('gives 09:00 on the clock across a daylight-saving change (the spring gap and the autumn overlap)', () => {
    // Berlin springs forward on Sun 29 Mar 2026 (02:00 → 03:00): Saturday evening moves to Monday 09:00 CEST = 07:00 UTC.
    const spring = withinWorkingHours(at('2026-03-28T19:00:00Z'), 'Europe/Berlin');
    expect(spring.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    // It falls back on Sun 25 Oct 2026 (03:00 → 02:00): Monday 09:00 CET = 08:00 UTC.
    const autumn = withinWorkingHours(at('2026-10-24T19:00:00Z'), 'Europe/Berlin');
    expect(autumn.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    // New York springs forward on Sun 8 Mar 2026, inside the gap hour itself (02:30 local does not exist).
    const gap = withinWorkingHours(at('2026-03-08T07:30:00Z'), 'America/New_York');
    expect(gap.toISOString()).toBe('2026-03-09T13:00:00.000Z');
    // Its autumn overlap: 01:30 on Sun 1 Nov 2026 happens twice; either way Monday 09:00 EST = 14:00 UTC.
    expect(withinWorkingHours(at('2026-11-01T05:30:00Z'), 'America/New_York').toISOString()).toBe('2026-11-02T14:00:00.000Z');
    expect(withinWorkingHours(at('2026-11-01T06:30:00Z'), 'America/New_York').toISOString()).toBe('2026-11-02T14:00:00.000Z');
  });

  it('keeps a time in the hour after a spring-forward change as it is, when that is a working hour', () => {
    // Chile's clocks move at midnight; a Monday 10:00 there is simply 10:00.
    const monday = at('2026-09-07T14:00:00Z');
    expect(withinWorkingHours(monday, 'America/Santiago')).toEqual(monday);
  });

  it('treats an unknown zone as UTC', () => {
    expect(wall(withinWorkingHours(at('2026-05-16T10:00:00Z'), 'Mars/Olympus'), 'UTC')).toBe('2026-05-18T09:00');
    expect(wall(withinWorkingHours(at('2026-05-16T10:00:00Z'), ''), 'UTC')).toBe('2026-05-18T09:00');
  });

  it('is always inside the hours, on a weekday, and never earlier than asked, for any hour of a year', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham']) {
      for (let hours = 0; hours < 366 * 24; hours += 31) {
        const asked = new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000);
        const moved = withinWorkingHours(asked, zone);
        expect(moved >= asked).toBe(true);
        const [date, time] = wall(moved, zone).split('T');
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        expect(weekday >= 1 && weekday <= 5, `${zone} ${asked.toISOString()}`).toBe(true);
        expect(time >= '08:00' && time < '18:00', `${zone} ${asked.toISOString()} → ${time}`).toBe(true);
        // Never more than a long weekend away.
        expect(moved.getTime() - asked.getTime()).toBeLessThanOrEqual(3 * 24 * 3_600_000);
      }
    }
  });
});

describe('automaticSendTime', () => {
  it('sends a step that is overdue at the next working moment from now, not in the past', () => {
    const now = at('2026-05-12T10:00:00Z');
    expect(automaticSendTime(at('2026-05-01T10:00:00Z'), now, 'UTC')).toEqual(now);
  });

  it('sends a step due in the future when it is due, moved into working hours', () => {
    const now = at('2026-05-12T10:00:00Z');
    expect(wall(automaticSendTime(at('2026-05-16T10:00:00Z'), now, 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-05-18T09:00');
  });

  it('says a week for the spacing', () => {
    expect(FOLLOW_UP_SPACING_DAYS).toBe(7);
  });
});
