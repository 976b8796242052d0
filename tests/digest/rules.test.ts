import { describe, expect, it } from 'vitest';
import { firstLinesOf, leavesNote, thankYouHoursLeft, thankYouNote } from '@/lib/digest/content';
import { dayBounds, digestDayDue, digestTimeOn, localDay, minuteToTime, timeToMinute } from '@/lib/digest/schedule';
import { unsubscribeHeaders, unsubscribeToken, verifyUnsubscribeToken } from '@/lib/digest/unsubscribe';

const at = (iso: string) => new Date(iso);

describe('the digest’s time of day', () => {
  it('reads and writes a time input', () => {
    expect(minuteToTime(480)).toBe('08:00');
    expect(minuteToTime(1439)).toBe('23:59');
    expect(timeToMinute('08:00')).toBe(480);
    expect(timeToMinute('7:05')).toBe(425);
    for (const bad of ['24:00', '12:60', '', 'noon', '8', '08:00:00', '-1:00']) expect(timeToMinute(bad)).toBeNull();
  });

  it('is due once the person’s own clock passes their minute, on their own day', () => {
    // 08:00 in Berlin (winter, UTC+1) is 07:00 UTC.
    expect(digestDayDue(at('2026-01-15T06:59:00Z'), 'Europe/Berlin', 480)).toBeNull();
    expect(digestDayDue(at('2026-01-15T07:00:00Z'), 'Europe/Berlin', 480)).toBe('2026-01-15');
    // 23:30 UTC on the 15th is already the 16th in Tokyo, and 08:30 there.
    expect(digestDayDue(at('2026-01-15T23:30:00Z'), 'Asia/Tokyo', 480)).toBe('2026-01-16');
    // ...and still the 15th in Los Angeles, 15:30.
    expect(digestDayDue(at('2026-01-15T23:30:00Z'), 'America/Los_Angeles', 480)).toBe('2026-01-15');
    expect(digestDayDue(at('2026-01-15T23:30:00Z'), 'America/Los_Angeles', 16 * 60)).toBeNull();
  });

  it('follows daylight saving: 08:00 stays 08:00 on the clock, and a skipped time moves forward', () => {
    // Berlin springs forward on 29 March 2026 (02:00 → 03:00): 08:00 is then 06:00 UTC.
    expect(digestTimeOn('2026-03-28', 480, 'Europe/Berlin')).toEqual(at('2026-03-28T07:00:00Z'));
    expect(digestTimeOn('2026-03-29', 480, 'Europe/Berlin')).toEqual(at('2026-03-29T06:00:00Z'));
    // 02:30 does not exist that night: it comes at 03:30 local, 01:30 UTC, not a day late nor never.
    expect(digestTimeOn('2026-03-29', 150, 'Europe/Berlin')).toEqual(at('2026-03-29T01:30:00Z'));
    expect(digestDayDue(at('2026-03-29T01:30:00Z'), 'Europe/Berlin', 150)).toBe('2026-03-29');
    // New York falls back on 1 November 2026: that day is 25 hours long.
    const { start, end } = dayBounds('2026-11-01', 'America/New_York');
    expect(start).toEqual(at('2026-11-01T04:00:00Z'));
    expect(end).toEqual(at('2026-11-02T05:00:00Z'));
  });

  it('names the person’s day in their zone', () => {
    expect(localDay(at('2026-06-30T22:30:00Z'), 'Europe/Berlin')).toBe('2026-07-01');
    expect(localDay(at('2026-06-30T22:30:00Z'), 'UTC')).toBe('2026-06-30');
  });
});

describe('what a digest says', () => {
  it('counts the hours left of the 24 after an interview', () => {
    const interview = at('2026-01-15T10:00:00Z');
    expect(thankYouHoursLeft(interview, at('2026-01-15T16:00:00Z'))).toBe(18);
    expect(thankYouNote(interview, at('2026-01-15T16:00:00Z'))).toBe('18 hours left of the 24 after the interview');
    expect(thankYouNote(interview, at('2026-01-16T09:00:00Z'))).toBe('1 hour left of the 24 after the interview');
    expect(thankYouNote(interview, at('2026-01-16T09:30:00Z'))).toMatch(/^Less than an hour left/);
    expect(thankYouHoursLeft(interview, at('2026-01-17T10:00:00Z'))).toBe(0);
    expect(thankYouNote(interview, at('2026-01-17T10:00:00Z'))).toMatch(/are over; it is still worth sending/);
  });

  it('shows a letter’s first lines, blank lines skipped, and cuts a long one at a word', () => {
    expect(firstLinesOf('Dear Grace,\n\nThank you for Monday.\nI enjoyed it.\nMore.')).toBe('Dear Grace,\nThank you for Monday.\nI enjoyed it.');
    const long = firstLinesOf(`Dear Grace,\n${'word '.repeat(200)}`);
    expect(long.length).toBeLessThanOrEqual(321);
    expect(long.endsWith('word…')).toBe(true);
  });

  it('says when an automatic letter goes out unless stopped, in the person’s zone', () => {
    expect(leavesNote(at('2026-03-17T08:00:00Z'), 'Europe/Berlin', true)).toBe('Goes out Tue 09:00 unless you stop it');
    expect(leavesNote(at('2026-03-17T08:00:00Z'), 'UTC', false)).toBe('Goes out Tue 08:00, as you scheduled it');
  });
});

describe('the unsubscribe token', () => {
  const key = new Uint8Array(32).fill(7);
  const other = new Uint8Array(32).fill(8);
  const ada = '0b0e2a44-5a3c-4c2d-9d7e-3f0c8a1b2c3d';
  const mallory = '1b0e2a44-5a3c-4c2d-9d7e-3f0c8a1b2c3d';

  it('names the person it was made for, under its own key only', () => {
    const token = unsubscribeToken(ada, key);
    expect(verifyUnsubscribeToken(token, key)).toBe(ada);
    expect(verifyUnsubscribeToken(token, other)).toBeNull();
  });

  it('refuses a token changed anywhere, cut short, or not a token at all', () => {
    const token = unsubscribeToken(ada, key);
    const signature = token.split('.')[1]!;
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [
      `${mallory}.${signature}`,
      `${ada}.${flipped}`,
      token.slice(0, -1),
      `${token}.x`,
      `${ada}.`,
      '',
      'x'.repeat(100_000),
      null,
      undefined,
      42,
    ]) {
      expect(verifyUnsubscribeToken(bad, key)).toBeNull();
    }
  });

  it('makes the one-click headers of RFC 8058', () => {
    expect(unsubscribeHeaders('https://a.example/u?token=t')).toEqual({
      'List-Unsubscribe': '<https://a.example/u?token=t>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
});
