import { isMergeField, type LetterFacts, MERGE_FIELDS, type MergeField } from './merge-fields';

/**
 * Letter templates are logic-less text with `{{ field }}` placeholders. A
 * template is parsed into text and field parts; rendering only ever swaps a
 * known field for its fact. Nothing is evaluated, so `${…}` is text and
 * `{{constructor}}` can never reach an object's prototype.
 */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'field'; field: MergeField };

export type ParsedTemplate =
  | { ok: true; parts: TemplatePart[]; fields: MergeField[] }
  | { ok: false; unknownFields: string[]; message: string };

type Placeholder = { start: number; end: number; name: string };

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

function nextBrace(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === OPEN_BRACE || code === CLOSE_BRACE) return i;
  }
  return -1;
}

/**
 * Every `{{ name }}` in the text, left to right: two opening braces, then no
 * brace until two closing ones; the name is what is between, trimmed. Found
 * by a scan rather than a pattern, because any pattern that lets spaces
 * belong to either the padding or the name takes seconds on `{{` followed
 * by a few thousand spaces, and this runs on whatever a person types. The
 * scan reads each character a bounded number of times, whatever the text: a
 * start that fails moves on by one, and the next `{{` cannot begin more than
 * one character before the brace that stopped it.
 */
export function* placeholders(source: string): Generator<Placeholder> {
  let from = 0;
  for (;;) {
    const open = source.indexOf('{{', from);
    if (open === -1) return;
    const close = nextBrace(source, open + 2);
    // No brace after this one means no `{{` after it either.
    if (close === -1) return;
    if (source.startsWith('}}', close)) {
      yield { start: open, end: close + 2, name: source.slice(open + 2, close).trim() };
      from = close + 2;
    } else {
      from = open + 1;
    }
  }
}

/** True when the text still has a `{{…}}` in it, known field or not. */
export function hasPlaceholder(source: string): boolean {
  return !placeholders(source).next().done;
}

export function parseTemplate(source: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const unknown = new Set<string>();
  let last = 0;
  for (const { start, end, name } of placeholders(source)) {
    if (start > last) parts.push({ kind: 'text', text: source.slice(last, start) });
    if (isMergeField(name)) parts.push({ kind: 'field', field: name });
    else unknown.add(name);
    last = end;
  }
  if (last < source.length) parts.push({ kind: 'text', text: source.slice(last) });

  if (unknown.size > 0) {
    const names = [...unknown].map((n) => `{{${n}}}`).join(', ');
    const known = Object.keys(MERGE_FIELDS).map((n) => `{{${n}}}`).join(', ');
    return {
      ok: false,
      unknownFields: [...unknown],
      message: `Unknown merge field${unknown.size > 1 ? 's' : ''} ${names}. Use one of: ${known}.`,
    };
  }
  const fields = [...new Set(parts.flatMap((p) => (p.kind === 'field' ? [p.field] : [])))];
  return { ok: true, parts, fields };
}

export type RenderedText = { ok: true; text: string } | { ok: false; missing: { field: MergeField; fillIn: string }[] };

/**
 * Fills the fields with the facts. A letter is never produced with a gap: if
 * any fact it uses is missing or blank, the answer says which, and where to
 * fill it in.
 */
export function fillTemplate(parts: TemplatePart[], facts: LetterFacts): RenderedText {
  const missing = new Map<MergeField, string>();
  let text = '';
  for (const part of parts) {
    if (part.kind === 'text') {
      text += part.text;
      continue;
    }
    const value = facts[part.field]?.trim();
    if (value) text += value;
    else missing.set(part.field, MERGE_FIELDS[part.field].fillIn);
  }
  if (missing.size > 0) return { ok: false, missing: [...missing].map(([field, fillIn]) => ({ field, fillIn })) };
  return { ok: true, text };
}
