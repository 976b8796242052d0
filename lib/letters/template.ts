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

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function parseTemplate(source: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const unknown = new Set<string>();
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    const name = match[1];
    if (match.index > last) parts.push({ kind: 'text', text: source.slice(last, match.index) });
    if (isMergeField(name)) parts.push({ kind: 'field', field: name });
    else unknown.add(name);
    last = match.index + match[0].length;
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
