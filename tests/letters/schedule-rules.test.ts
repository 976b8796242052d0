import { describe, expect, it } from 'vitest';
import { checkSendAt, recipientZone, tomorrowMorning } from '@/lib/letters/schedule';
import { wallTimeExists } from '@/lib/time/zoned-time';

const at = (iso: string) => new Date(iso);

describe('tomorrow morning their time', () => {
  it('is 08:30 on the next calendar day where the recipient is, not where the server is', () => {
    // 23:00 UTC on 14 May is already 15 May in Tokyo: tomorrow there is the 16th.
    expect(tomorrowMorning(at('2026-05-14T23:00:00Z'), 'Asia/Tokyo').toISOString()).toBe('2026-05-15T23:30:00.000Z');
    expect(tomorrowMorning(at('2026-05-14T23:00:00Z'), 'America/Los_Angeles').toISOString()).toBe('2026-05-15T15:30:00.000Z');
  });

  it('keeps 08:30 on the wall clock across a daylight-saving change', () => {
    // Berlin moves to summer time on 29 March 2026: 08:30 is 07:30 UTC before and 06:30 UTC after.
    expect(tomorrowMorning(at('2026-03-28T12:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-03-29T06:30:00.000Z');
    expect(tomorrowMorning(at('2026-03-27T12:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-03-28T07:30:00.000Z');
  });

  it('takes the interview’s zone, else the person’s own', () => {
    const me = { name: null, signature: null, email: 'a@b.example', replyTo: null, dailyRecipientCap: 50, timeZone: 'Europe/Paris' };
    expect(recipientZone({ me, interview: null })).toBe('Europe/Paris');
    expect(recipientZone({ me, interview: { timeZone: 'Asia/Tokyo' } as never })).toBe('Asia/Tokyo');
  });
});

describe('a date and time to send at', () => {
  const now = at('2026-05-14T10:00:00Z');

  it('takes a real future time in the zone given', () => {
    expect(checkSendAt('2026-05-15T09:00', 'Europe/Berlin', now)).toEqual({ ok: true, at: at('2026-05-15T07:00:00Z') });
  });

  it('refuses the past, the present, and more than a year ahead', () => {
    expect(checkSendAt('2026-05-14T11:00', 'Europe/Berlin', now)).toMatchObject({ ok: false, message: expect.stringContaining('passed') });
    expect(checkSendAt('2026-05-14T10:00', 'UTC', now)).toMatchObject({ ok: false });
    expect(checkSendAt('2036-05-14T10:00', 'UTC', now)).toMatchObject({ ok: false, message: expect.stringContaining('365 days') });
  });

  it('refuses a time the clocks skip, an unknown zone, and what is not a time', () => {
    expect(wallTimeExists('2027-03-28T02:30', 'Europe/Berlin')).toBe(false);
    expect(wallTimeExists('2027-03-28T03:30', 'Europe/Berlin')).toBe(true);
    expect(checkSendAt('2027-03-28T02:30', 'Europe/Berlin', now)).toMatchObject({ ok: false, message: expect.stringContaining('does not exist') });
    expect(checkSendAt('2026-06-01T09:00', 'Mars/Olympus_Mons', now)).toMatchObject({ ok: false, message: 'Choose a time zone from the list.' });
    for (const bad of ['', 'tomorrow', '2026-02-30T09:00', '2026-06-01T25:00', '2026-06-01']) {
      expect(checkSendAt(bad, 'UTC', now), bad).toMatchObject({ ok: false });
    }
  });

  it('takes the first of two 01:30s when the clocks go back', () => {
    // New York repeats 01:00–02:00 on 1 November 2026; the earlier one (still summer time, UTC−4) is chosen.
    const checked = checkSendAt('2026-11-01T01:30', 'America/New_York', now);
    expect(checked).toEqual({ ok: true, at: at('2026-11-01T05:30:00Z') });
  });
});
