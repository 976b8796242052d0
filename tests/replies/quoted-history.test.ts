import { describe, expect, it } from 'vitest';
import { trimQuotedHistory } from '@/lib/replies/quoted-history';

const reply = 'Hi Ada,\n\nGreat meeting you too. We will be in touch next week.\n\nBest,\nGrace';
const quote = '> Dear Grace,\n>\n> Thank you for taking the time to meet me today.\n> Ada';

describe('trimQuotedHistory cuts at', () => {
  it.each([
    ['Gmail’s attribution', 'On Mon, May 12, 2026 at 10:00 AM Ada Lovelace <ada@example.com> wrote:'],
    ['Apple Mail’s attribution', 'On 12 May 2026, at 10:00, Ada Lovelace <ada@example.com> wrote:'],
    ['an attribution in bold stars', '*On 12 May 2026, Ada Lovelace wrote:*'],
    ['Gmail’s attribution split over two lines', 'On Mon, May 12, 2026 at 10:00 AM Ada Lovelace via Afterword <\nreply+0a1b@replies.example> wrote:'],
    ['a German attribution (Gmail)', 'Am Mo., 12. Mai 2026 um 10:00 Uhr schrieb Ada Lovelace <ada@example.com>:'],
    ['a German attribution (Apple Mail)', 'Am 12.05.2026 um 10:00 schrieb Ada Lovelace <ada@example.com>:'],
    ['a French attribution with a no-break space', 'Le lun. 12 mai 2026 à 10:00, Ada Lovelace <ada@example.com> a écrit\u00a0:'],
    ['a French attribution without the space', 'Le 12/05/2026 à 10:00, Ada Lovelace a écrit:'],
    ['-----Original Message-----', '-----Original Message-----\nFrom: Ada Lovelace\nSent: Monday, May 12, 2026 10:00 AM'],
    ['a German original-message line', '-----Ursprüngliche Nachricht-----\nVon: Ada Lovelace'],
    ['Outlook’s rule above From:', '________________________________\nFrom: Ada Lovelace <ada@example.com>\nSent: Monday, May 12, 2026 10:00 AM\nTo: Grace Hopper\nSubject: Thank you'],
    ['Outlook’s rule with a blank line before From:', '________________________________\n\nFrom: Ada Lovelace <ada@example.com>'],
    ['Outlook’s header block', 'From: Ada Lovelace <ada@example.com>\nSent: Monday, May 12, 2026 10:00 AM\nTo: Grace Hopper\nSubject: Thank you'],
    ['Outlook’s header block with To and Cc between', 'From: Ada Lovelace <ada@example.com>\nTo: Grace Hopper\nCc: Hiring team\nDate: 12 May 2026'],
    ['Outlook’s header block in bold stars', '*From:* Ada Lovelace <ada@example.com>\n*Sent:* Monday, May 12, 2026 10:00 AM'],
    ['a German Outlook header block', 'Von: Ada Lovelace <ada@example.com>\nGesendet: Montag, 12. Mai 2026 10:00\nAn: Grace Hopper\nBetreff: Danke'],
    ['a French Outlook header block', 'De : Ada Lovelace <ada@example.com>\nEnvoyé : lundi 12 mai 2026 10:00'],
  ])('%s, keeping the reply above it', (_label, marker) => {
    expect(trimQuotedHistory(`${reply}\n\n${marker}\n${quote}\n`)).toBe(reply);
  });

  it('the first marker when there are several (a thread replied to twice)', () => {
    const text = `${reply}\n\nOn 13 May 2026, Grace wrote:\n> Thanks!\n>\n> On 12 May 2026, Ada wrote:\n>> Dear Grace`;
    expect(trimQuotedHistory(text)).toBe(reply);
  });
});

describe('trimQuotedHistory keeps', () => {
  it('a reply with no history, less trailing whitespace', () => {
    expect(trimQuotedHistory(`${reply}\n\n   \n`)).toBe(reply);
    expect(trimQuotedHistory('Thanks!')).toBe('Thanks!');
  });

  it('drops a trailing run of quoted lines, with blank lines among them', () => {
    expect(trimQuotedHistory(`${reply}\n\n${quote}\n\n> more\n`)).toBe(reply);
    expect(trimQuotedHistory(`${reply}\n   > indented quote\n`)).toBe(reply);
  });

  it('drops an undated attribution only when the quoted lines it introduces follow it', () => {
    expect(trimQuotedHistory(`${reply}\n\nOn Mon, Ada wrote:\n> Dear Ana,\n>`)).toBe(reply);
    expect(trimQuotedHistory(`${reply}\n\nAm Montag schrieb Ada:\n> Liebe Ana,`)).toBe(reply);
    expect(trimQuotedHistory(`${reply}\nOn reflection, as you wrote:`)).toBe(`${reply}\nOn reflection, as you wrote:`);
  });

  it('keeps inline answers between quoted lines, and drops only the quote after the last', () => {
    const inline = '> Are you free on Tuesday?\nYes, 10:00 works.\n> And Wednesday?\nAlso fine.';
    expect(trimQuotedHistory(`${inline}\n> Thanks, Ada`)).toBe(inline);
  });

  it.each([
    ['“On” and “wrote:” without a date', 'On reflection, as you wrote:\nI agree.'],
    ['a line that starts with On', 'On 12 May we will call you.'],
    ['“From:” with no Sent or Date below', 'From: the hiring team\nWe liked your answers.'],
    ['a rule of underscores with no From: below', '________________________________\nThe next step is a call.'],
    ['a rule shorter than a separator', '_____\nFrom: Grace'],
    ['dashes around something else', '----- Agenda -----\n1. Intro'],
    ['a signature', 'Thanks!\n-- \nGrace Hopper\nHead of Engineering'],
  ])('%s', (_label, text) => {
    expect(trimQuotedHistory(`${reply}\n${text}`)).toBe(`${reply}\n${text}`);
  });

  it('returns \\n line breaks for a CRLF reply, and cuts it the same', () => {
    const crlf = `${reply}\n\nOn 12 May 2026, Ada wrote:\n${quote}`.replaceAll('\n', '\r\n');
    expect(trimQuotedHistory(crlf)).toBe(reply);
  });

  it('returns the text as it came, trimmed, when trimming would leave nothing', () => {
    const onlyHistory = `\n\nOn 12 May 2026, Ada wrote:\n${quote}\n\n`;
    expect(trimQuotedHistory(onlyHistory)).toBe(onlyHistory.trim());
    expect(trimQuotedHistory(`${quote}\n`)).toBe(quote);
    expect(trimQuotedHistory('  \n ')).toBe('');
    expect(trimQuotedHistory('')).toBe('');
  });
});

describe('trimQuotedHistory on hostile input', () => {
  /** Each case must finish well inside a second: a backtracking regex would take minutes. */
  function quickly(text: string): string {
    const started = performance.now();
    const result = trimQuotedHistory(text);
    expect(performance.now() - started).toBeLessThan(1000);
    return result;
  }

  it('reads 1 MB lines in linear time', () => {
    for (const line of [
      'x'.repeat(1_000_000),
      ' '.repeat(1_000_000),
      `On ${'1 '.repeat(500_000)}`,
      `${'- '.repeat(500_000)}x`,
      '_'.repeat(1_000_000),
      `>${' '.repeat(1_000_000)}`,
      '\r'.repeat(1_000_000),
    ]) {
      quickly(`Hello\n${line}\nOn 12 May 2026, Ada wrote:\n> quote`);
    }
    expect(quickly(`Hello\n${'x'.repeat(1_000_000)} wrote:\n> quote`)).toBe(`Hello\n${'x'.repeat(1_000_000)} wrote:`);
  });

  it('reads 100,000 lines in linear time, however many look like markers', () => {
    for (const line of ['From: x', 'On 1 x', '________________________________', '-- x --', '> q', 'Am 1 schrieb x', '']) {
      quickly(`Hello\n${`${line}\n`.repeat(100_000)}`);
    }
    expect(quickly(`Hello\n${'From: x\n'.repeat(100_000)}Sent: today`)).toBe(`Hello\n${'From: x\n'.repeat(99_996).trimEnd()}`);
    expect(quickly(`Hello\n${'> q\n'.repeat(100_000)}`)).toBe('Hello');
  });
});
