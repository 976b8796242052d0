import { describe, expect, it } from 'vitest';
import { leavesAtInWords, occasionOfLetter, placeOfZone } from '@/lib/letters/when-in-words';

const now = new Date('2026-05-11T12:00:00Z');

describe('when a letter leaves, in words', () => {
  it('names a zone by its place', () => {
    expect(placeOfZone('Europe/Berlin')).toBe('Berlin');
    expect(placeOfZone('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(placeOfZone('UTC')).toBe('UTC');
  });

  it('reads the time on their clock and on the person’s', () => {
    // 06:30 UTC in May is 08:30 in Berlin (CEST) and 07:30 in London (BST).
    const at = new Date('2026-05-12T06:30:00Z');
    expect(leavesAtInWords(at, 'Europe/Berlin', 'Europe/London', now)).toBe('Tue, May 12, 08:30 in Berlin (07:30 your time)');
  });

  it('says the person’s day when it is another day on their clock', () => {
    const at = new Date('2026-05-12T00:30:00Z'); // 09:30 Tuesday in Tokyo, 17:30 Monday in Los Angeles
    expect(leavesAtInWords(at, 'Asia/Tokyo', 'America/Los_Angeles', now)).toBe('Tue, May 12, 09:30 in Tokyo (Mon, May 11, 17:30 your time)');
  });

  it('gives one reading when both clocks agree', () => {
    const at = new Date('2026-05-12T06:30:00Z');
    expect(leavesAtInWords(at, 'Europe/Berlin', 'Europe/Berlin', now)).toBe('Tue, May 12, 08:30 your time');
    expect(leavesAtInWords(at, 'Europe/Paris', 'Europe/Berlin', now)).toBe('Tue, May 12, 08:30 your time');
  });

  it('says the year when it is not this one, and falls back to UTC for a zone it does not know', () => {
    const at = new Date('2027-01-05T08:30:00Z');
    expect(leavesAtInWords(at, 'Mars/Olympus', 'UTC', now)).toBe('Tue, Jan 5, 2027, 08:30 your time');
  });
});

describe('the occasion a letter was written for', () => {
  const ids = { interviewId: crypto.randomUUID(), applicationId: crypto.randomUUID(), toContactId: crypto.randomUUID() };

  it('reopens the compose page for the same interview, rejection or follow-up', () => {
    expect(occasionOfLetter({ kind: 'interview_thanks', ...ids })).toEqual({ occasion: 'interview_thanks', interviewId: ids.interviewId });
    expect(occasionOfLetter({ kind: 'rejection_thanks', ...ids })).toEqual({ occasion: 'rejection_thanks', applicationId: ids.applicationId });
    expect(occasionOfLetter({ kind: 'follow_up', ...ids })).toEqual({
      occasion: 'follow_up',
      applicationId: ids.applicationId,
      contactId: ids.toContactId,
    });
  });

  it('has none once what it was about is gone, or for a kind without a compose page', () => {
    expect(occasionOfLetter({ kind: 'interview_thanks', ...ids, interviewId: null })).toBeNull();
    expect(occasionOfLetter({ kind: 'follow_up', ...ids, toContactId: null })).toBeNull();
    expect(occasionOfLetter({ kind: 'feedback_request', ...ids })).toBeNull();
  });
});
