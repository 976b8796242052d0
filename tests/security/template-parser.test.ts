import { describe, expect, it } from 'vitest';
import { hasPlaceholder, parseTemplate, placeholders } from '@/lib/letters/template';
import { HOSTILE_SIZES, millisecondsFor, repeated } from './timing';

/** Anyone signed in can send these through template save and preview, and letter preview and send. */
const HOSTILE_TEMPLATES: Record<string, (size: number) => string> = {
  '`{{` and then spaces': (size) => `{{${repeated(' ', size)}`,
  '`{{`, spaces and a single closing brace': (size) => `{{${repeated(' ', size)}}`,
  '`{{`, every kind of blank, and a close at the very end': (size) => `{{${repeated(' \t\n\u00a0\u2028', size)}}}`,
  '`{{` and then words': (size) => `{{${repeated('a ', size)}`,
  'opening braces only': (size) => repeated('{', size),
  'closing braces only': (size) => repeated('}', size),
  '`{{ a` over and over': (size) => repeated('{{ a', size),
  'placeholders that are never closed': (size) => repeated('{{ company }', size),
  'unknown fields, thousands of them': (size) => repeated('{{ nope }} ', size),
  'known fields, thousands of them': (size) => repeated('Dear {{contact.firstName}}, ', size),
};

const BOUND_MS = 50;

describe('the template parser on hostile templates', () => {
  for (const [shape, make] of Object.entries(HOSTILE_TEMPLATES)) {
    it(`parses ${shape}, up to 100 KB, in under ${BOUND_MS} ms`, () => {
      for (const size of HOSTILE_SIZES) {
        const template = make(size);
        expect(millisecondsFor(() => parseTemplate(template), BOUND_MS), `parseTemplate, ${size} characters`).toBeLessThan(BOUND_MS);
        expect(millisecondsFor(() => hasPlaceholder(template), BOUND_MS), `hasPlaceholder, ${size} characters`).toBeLessThan(BOUND_MS);
      }
    });
  }

  it('reads an unclosed `{{` as text, and blanks around a name as padding', () => {
    const unclosed = `Hello {{${' '.repeat(1_000)}`;
    expect(parseTemplate(unclosed)).toEqual({ ok: true, parts: [{ kind: 'text', text: unclosed }], fields: [] });
    expect(parseTemplate(`{{${' \n'.repeat(500)}company\t}}`)).toEqual({ ok: true, parts: [{ kind: 'field', field: 'company' }], fields: ['company'] });
  });
});

describe('what counts as a placeholder', () => {
  // The definition, as a pattern: fine as a reference on short texts, far too slow on long ones.
  const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
  const ALPHABET = ['{', '}', ' ', 'a', '\n'];

  function* textsUpTo(length: number, prefix = ''): Generator<string> {
    yield prefix;
    if (prefix.length < length) for (const c of ALPHABET) yield* textsUpTo(length, prefix + c);
  }

  it('is exactly what the pattern matches, on every text of up to 7 braces, spaces, letters and line breaks', () => {
    const differences: string[] = [];
    for (const text of textsUpTo(7)) {
      const expected = [...text.matchAll(PLACEHOLDER)].map((m) => ({ start: m.index, end: m.index + m[0].length, name: m[1] }));
      const found = [...placeholders(text)];
      if (JSON.stringify(found) !== JSON.stringify(expected)) differences.push(JSON.stringify(text));
      if (hasPlaceholder(text) !== expected.length > 0) differences.push(JSON.stringify(text));
    }
    expect(differences).toEqual([]);
  });
});
