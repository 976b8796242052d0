import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '@/lib/letters/builtins';
import type { LetterContext } from '@/lib/letters/context';
import { paragraphsOf } from '@/lib/letters/fill';
import { MAX_CC, planLetters } from '@/lib/letters/plan';
import { advanceStatus } from '@/lib/letters/status';
import { renderLetter } from '@/server/letters/render-letter';
import { pacingChange } from '@/lib/mail/pacing';

const person = (name: string, isPrimary = false) => ({
  contactId: crypto.randomUUID(),
  name,
  email: `${name.split(' ')[0].toLowerCase()}@acme.example`,
  isPrimary,
  flagged: null,
});

const context = (overrides: Partial<LetterContext> = {}): LetterContext => ({
  kind: 'interview_thanks',
  applicationId: 'app-1',
  stage: 'interviewing',
  company: 'Acme Rockets',
  position: 'Flight Engineer',
  interview: { id: 'int-1', scheduledAt: new Date('2026-11-24T14:30:00Z'), timeZone: 'Europe/Berlin', kind: 'onsite', impression: 'the launch reviews' },
  people: [person('Grace Hopper', true), person('Alan Turing')],
  me: { name: 'Ada Lovelace', signature: null, email: 'ada@example.com', replyTo: null, dailyRecipientCap: 50, timeZone: 'UTC' },
  ...overrides,
});

describe('planning letters', () => {
  it('writes one letter To the primary with the others in CC, every fact filled', () => {
    const plan = planLetters(context(), BUILTIN_TEMPLATES.interview_thanks, { separate: false });
    if (!plan.ok) throw new Error('expected a plan');
    expect(plan.letters).toHaveLength(1);
    const [letter] = plan.letters;
    expect(letter.to.name).toBe('Grace Hopper');
    expect(letter.cc.map((p) => p.name)).toEqual(['Alan Turing']);
    expect(letter.body).toContain('Dear Grace,');
    expect(letter.body).toContain('on Tuesday, November 24 for the on-site interview');
    expect(letter.body).toContain('Best regards,\nAda Lovelace');
    expect(letter.body).not.toMatch(/\{\{/);
  });

  it('writes one personalised letter each when separate', () => {
    const plan = planLetters(context(), BUILTIN_TEMPLATES.rejection_thanks, { separate: true });
    if (!plan.ok) throw new Error('expected a plan');
    expect(plan.letters.map((l) => [l.to.name, l.cc.length, l.body.split('\n')[0]])).toEqual([
      ['Grace Hopper', 0, 'Dear Grace,'],
      ['Alan Turing', 0, 'Dear Alan,'],
    ]);
  });

  it('says which facts are missing and where, and writes nothing', () => {
    const plan = planLetters(
      context({ me: { name: null, signature: null, email: 'ada@example.com', replyTo: null, dailyRecipientCap: 50, timeZone: 'UTC' }, interview: null }),
      BUILTIN_TEMPLATES.interview_thanks,
      { separate: false },
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems.map((p) => [p.missing?.field, p.href])).toEqual([
      ['interview.date', '/applications/app-1/interviews/new'],
      ['interview.round', '/applications/app-1/interviews/new'],
      ['impression', '/applications/app-1/interviews/new'],
      ['me.signature', '/settings'],
    ]);
  });

  it('needs a primary contact for one letter with copies, an address for everyone, and at most 10 CC', () => {
    const noPrimary = planLetters(context({ people: [person('Grace Hopper'), person('Alan Turing')] }), BUILTIN_TEMPLATES.interview_thanks, { separate: false });
    expect(!noPrimary.ok && noPrimary.problems[0].message).toMatch(/^Choose the primary contact/);

    const noEmail = planLetters(context({ people: [{ ...person('Grace Hopper', true), email: null }] }), BUILTIN_TEMPLATES.interview_thanks, { separate: false });
    expect(!noEmail.ok && noEmail.problems[0].message).toBe('Grace Hopper has no email address. Add one on their contact page.');

    const crowd = [person('Grace Hopper', true), ...Array.from({ length: MAX_CC + 1 }, (_, i) => person(`Person ${i}`))];
    const tooMany = planLetters(context({ people: crowd }), BUILTIN_TEMPLATES.interview_thanks, { separate: false });
    expect(!tooMany.ok && tooMany.problems[0].message).toMatch(/copy at most 10 people; this one would copy 11/);
    expect(planLetters(context({ people: crowd }), BUILTIN_TEMPLATES.interview_thanks, { separate: true }).ok).toBe(true);
  });
});

describe('rendering', () => {
  it('keeps paragraphs and line breaks, and escapes what people typed', async () => {
    expect(paragraphsOf('One\ntwo\n\n\nThree\r\n')).toEqual([['One', 'two'], ['Three']]);
    const letter = await renderLetter({ subject: 'Hi', body: 'Dear <b>Grace</b>,\n\nSee https://evil.example/<script>' });
    expect(letter.html).toContain('Dear &lt;b&gt;Grace&lt;/b&gt;,');
    expect(letter.html).not.toContain('<script>');
    expect(letter.html).not.toContain('<a ');
    expect(letter.text).toBe('Dear <b>Grace</b>,\n\nSee https://evil.example/<script>\n');
  });
});

describe('status', () => {
  it('only moves forward, and the bad endings are final', () => {
    expect(advanceStatus('delivered', 'sent')).toBe('delivered');
    expect(advanceStatus('opened', 'delivered')).toBe('opened');
    expect(advanceStatus('sent', 'clicked')).toBe('clicked');
    expect(advanceStatus('bounced', 'delivered')).toBe('bounced');
    expect(advanceStatus('opened', 'complained')).toBe('complained');
    expect(advanceStatus('needs_decision', 'delivered')).toBe('delivered');
  });
});

describe('pacing', () => {
  it('spaces sends to the reported limit with 8% to spare, ignores what is left of the window, and waits out a 429', () => {
    expect(pacingChange({})).toEqual({});
    expect(pacingChange({ 'ratelimit-limit': '5', 'ratelimit-remaining': '4', 'ratelimit-reset': '1' })).toEqual({ spacingMs: 216 });
    // Our own sends spent the window: the slots already space them, so no hold.
    expect(pacingChange({ 'ratelimit-limit': '2', 'ratelimit-remaining': '0', 'ratelimit-reset': '1' })).toEqual({ spacingMs: 540 });
    expect(pacingChange({ 'ratelimit-limit': '5' }, 3)).toEqual({ holdMs: 3000 });
  });
});
