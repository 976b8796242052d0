import { describe, expect, it } from 'vitest';
import { fillTemplate, parseTemplate } from '@/lib/letters/template';

function parts(source: string) {
  const parsed = parseTemplate(source);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.parts;
}

describe('parseTemplate', () => {
  it('splits text and known fields, with or without spaces in the braces', () => {
    const parsed = parseTemplate('Dear {{contact.firstName}}, thank you for {{ position }} at {{company}}.');
    expect(parsed).toEqual({
      ok: true,
      fields: ['contact.firstName', 'position', 'company'],
      parts: [
        { kind: 'text', text: 'Dear ' },
        { kind: 'field', field: 'contact.firstName' },
        { kind: 'text', text: ', thank you for ' },
        { kind: 'field', field: 'position' },
        { kind: 'text', text: ' at ' },
        { kind: 'field', field: 'company' },
        { kind: 'text', text: '.' },
      ],
    });
  });

  it('refuses unknown fields and names each of them', () => {
    const parsed = parseTemplate('Hi {{contact.nickname}} and {{constructor}} and {{contact.nickname}}');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.unknownFields).toEqual(['contact.nickname', 'constructor']);
    expect(parsed.message).toMatch(/^Unknown merge fields \{\{contact\.nickname\}\}, \{\{constructor\}\}\. Use one of: /);
  });

  it('refuses prototype names rather than looking them up', () => {
    for (const name of ['__proto__', 'toString', 'hasOwnProperty', 'contact.constructor']) {
      const parsed = parseTemplate(`{{${name}}}`);
      expect(parsed.ok, name).toBe(false);
    }
  });

  it('keeps template-literal and other code-like text as plain text', () => {
    const source = 'Total: ${1+1} <script>alert(1)</script> {single} {{{company}}}';
    const filled = fillTemplate(parts(source), { company: 'Acme' });
    expect(filled).toEqual({ ok: true, text: 'Total: ${1+1} <script>alert(1)</script> {single} {Acme}' });
  });
});

describe('fillTemplate', () => {
  const source = 'Dear {{contact.firstName}},\nWhat impressed me most was {{impression}}.\n{{me.signature}}';

  it('fills every field with its fact', () => {
    const filled = fillTemplate(parts(source), {
      'contact.firstName': 'Grace',
      impression: 'how the team reviews code together',
      'me.signature': 'Kind regards,\nAda',
    });
    expect(filled).toEqual({
      ok: true,
      text: 'Dear Grace,\nWhat impressed me most was how the team reviews code together.\nKind regards,\nAda',
    });
  });

  it('never fills a gap: missing or blank facts are named with where to fill them in', () => {
    const filled = fillTemplate(parts(source), { 'contact.firstName': 'Grace', impression: '   ', 'me.signature': null });
    expect(filled).toEqual({
      ok: false,
      missing: [
        { field: 'impression', fillIn: '“What impressed you most?”, on the interview' },
        { field: 'me.signature', fillIn: 'your closing and signature, in Settings' },
      ],
    });
  });

  it('inserts facts as they are, without interpreting them', () => {
    const filled = fillTemplate(parts('{{company}}'), { company: '{{me.name}} <b>Acme</b> ${x}' });
    expect(filled).toEqual({ ok: true, text: '{{me.name}} <b>Acme</b> ${x}' });
  });
});
