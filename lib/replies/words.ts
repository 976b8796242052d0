import type { ReplyKind, ReplyMatch } from './kinds';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "40 min", "2 h", "3 days": how long a reply took, said as briefly as a person would. */
export function waitInWords(ms: number): string {
  const size = Math.max(0, ms);
  if (size < HOUR) return `${Math.max(1, Math.round(size / MINUTE))} min`;
  if (size < 2 * DAY) return `${Math.round(size / HOUR)} h`;
  return `${Math.round(size / DAY)} days`;
}

/**
 * The line a reply is introduced with: "Ana Lima replied, 2 h after the
 * letter"; "Automatic reply from Ana Lima" for an out-of-office; "You wrote
 * to yourself" for the person's own address.
 */
export function replyHeadline(reply: { kind: ReplyKind; fromName: string | null; fromEmail: string; receivedAt: Date; letterSentAt: Date | null }): string {
  const who = reply.fromName ?? reply.fromEmail;
  if (reply.kind === 'self') return `You wrote back from your own address (${reply.fromEmail})`;
  if (reply.kind === 'auto_reply') return `Automatic reply from ${who}`;
  if (!reply.letterSentAt) return `${who} replied`;
  return `${who} replied, ${waitInWords(reply.receivedAt.getTime() - reply.letterSentAt.getTime())} after the letter`;
}

/** How sure Afterword is that it answers this letter; only the weakest match is worth saying. */
export function matchInWords(match: ReplyMatch): string | null {
  return match === 'sender' ? 'Matched by the sender’s address only: it may be about another letter.' : null;
}

/** "cv.pdf (120 KB)": an attachment as listed; its content is never kept. */
export function attachmentInWords(attachment: { filename: string | null; size: number | null }): string {
  const name = attachment.filename ?? 'Unnamed attachment';
  if (attachment.size === null) return name;
  const kb = attachment.size / 1024;
  return `${name} (${kb < 1024 ? `${Math.max(1, Math.round(kb))} KB` : `${(kb / 1024).toFixed(1)} MB`})`;
}
