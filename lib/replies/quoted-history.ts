/**
 * A plain-text reply without the letter it quotes: Afterword shows what the
 * person wrote back, not our own letter again underneath it.
 *
 * Every check reads one line, or a few next to it, and only lines short
 * enough to be a mail client's marker: the work is linear in the text, with
 * no regex that could backtrack, whatever a sender puts in a reply.
 */

/** No client writes a marker line longer than this; longer lines are the person's text. */
const MAX_MARKER_LENGTH = 400;
/** How far below "From:" Outlook's "Sent:" may stand (To and Cc can come between). */
const HEADER_BLOCK_LINES = 4;

/** The separator Outlook puts above its header block: a line of underscores. */
const MIN_RULE_LENGTH = 10;

const ORIGINAL_MESSAGE = new Set(['original message', 'ursprüngliche nachricht', "message d'origine", 'mensaje original']);
const FROM_LABELS = ['from:', 'von:', 'de:', 'de :'];
const SENT_LABELS = ['sent:', 'date:', 'gesendet:', 'datum:', 'envoyé:', 'envoyé :', 'enviado:'];

/** A line as a marker is compared, or null for a line too long to be one. */
type Marker = string | null;

/** Lowercase, no-break spaces as spaces, no *bold* stars, trimmed. */
function markerText(line: string): Marker {
  if (line.length > MAX_MARKER_LENGTH) return null;
  return line.replaceAll('\u00a0', ' ').replaceAll('*', '').trim().toLowerCase();
}

function hasDigit(text: string): boolean {
  for (const char of text) if (char >= '0' && char <= '9') return true;
  return false;
}

/** "On …, <name> wrote:", "Am … schrieb <name>:", "Le …, <name> a écrit :", with or without a date. */
function introducesQuote(text: string): boolean {
  const english = text.startsWith('on ') && text.endsWith(' wrote:');
  const german = text.startsWith('am ') && text.includes(' schrieb ') && text.endsWith(':');
  const french = text.startsWith('le ') && (text.endsWith(' a écrit :') || text.endsWith(' a écrit:'));
  return english || german || french;
}

/** An attribution anywhere in the text must carry a date (a digit): "On Monday we spoke…" is the person's own. */
function isAttribution(text: string): boolean {
  return introducesQuote(text) && hasDigit(text);
}

/** Gmail wraps a long attribution onto a second line. */
function startsAttribution(texts: Marker[], index: number, text: string): boolean {
  if (isAttribution(text)) return true;
  const next = texts[index + 1];
  return typeof next === 'string' && !/^(on|am|le) /.test(next) && isAttribution(`${text} ${next}`);
}

/** "-----Original Message-----" and its translations. */
function isOriginalMessage(text: string): boolean {
  if (!text.startsWith('--')) return false;
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === '-' || text[start] === ' ')) start += 1;
  while (end > start && (text[end - 1] === '-' || text[end - 1] === ' ')) end -= 1;
  return end < text.length && ORIGINAL_MESSAGE.has(text.slice(start, end));
}

function isRule(text: string): boolean {
  if (text.length < MIN_RULE_LENGTH) return false;
  for (const char of text) if (char !== '_') return false;
  return true;
}

const startsWithAny = (text: Marker | undefined, labels: string[]) =>
  typeof text === 'string' && labels.some((label) => text.startsWith(label));

/** Outlook's quoted header: "From: …" with "Sent: …" (or "Date: …") a few lines below. */
function isHeaderBlock(texts: Marker[], index: number, text: string): boolean {
  if (!startsWithAny(text, FROM_LABELS)) return false;
  for (let next = index + 1; next <= index + HEADER_BLOCK_LINES; next += 1) {
    if (startsWithAny(texts[next], SENT_LABELS)) return true;
  }
  return false;
}

/** A rule of underscores with "From:" on the next line that is not blank. */
function isRuleAboveHeader(texts: Marker[], index: number, text: string): boolean {
  if (!isRule(text)) return false;
  const next = texts.slice(index + 1, index + 3).find((line) => line !== '');
  return startsWithAny(next, FROM_LABELS);
}

/** The index of the first line of quoted history, or null when there is none. */
function historyStart(lines: string[]): number | null {
  // Each line is made ready once; the checks below look a few lines ahead.
  const texts = lines.map(markerText);
  for (let index = 0; index < texts.length; index += 1) {
    const text = texts[index];
    if (!text) continue;
    if (
      startsAttribution(texts, index, text) ||
      isOriginalMessage(text) ||
      isRuleAboveHeader(texts, index, text) ||
      isHeaderBlock(texts, index, text)
    ) {
      return index;
    }
  }
  return null;
}

function isQuotedOrBlank(line: string): boolean {
  const start = line.trimStart();
  return start === '' || start.startsWith('>');
}

/**
 * The reply's own text: everything above the first quoted-history marker,
 * less any trailing run of ">" lines, trimmed. Line breaks come back as \n.
 * When nothing would be left (a reply that only quotes), the text as it came, trimmed.
 */
export function trimQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = historyStart(lines) ?? lines.length;
  const before = end;
  while (end > 0 && isQuotedOrBlank(lines[end - 1]!)) end -= 1;
  // Right above the quoted lines, a client's "On Mon, Ada wrote:" goes with them, dated or not.
  if (end < before && end > 0 && introducesQuote(markerText(lines[end - 1]!) ?? '')) end -= 1;
  return lines.slice(0, end).join('\n').trim() || text.trim();
}
