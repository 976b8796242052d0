import { z } from 'zod';
import { statusForEvent } from './status';

/**
 * The largest webhook body read. Resend's email events are a few kilobytes;
 * anything near this is not one of them, and is refused unread.
 */
export const MAX_EVENT_BYTES = 256 * 1024;

/** The tag every letter is sent with; its value is the letter's id. */
export const LETTER_TAG = 'letter_id';

/** What a Resend email event says, reduced to what Afterword keeps. */
export type ResendEmailEvent = {
  type: string;
  emailId: string | null;
  tagLetterId: string | null;
  occurredAt: Date;
  /** Display-ready text only; React escapes it wherever it is shown. */
  detail: Record<string, string | null>;
};

export type ReadEvent =
  | { kind: 'event'; event: ResendEmailEvent }
  | { kind: 'ignored'; reason: string }
  | { kind: 'malformed' };

const text = z.string().transform((v) => v.slice(0, 500));
// Resend sends tags as a map; the send API takes a list of {name, value}: accept both.
const tags = z.union([
  z.record(z.string(), z.unknown()),
  z.array(z.object({ name: z.string(), value: z.unknown() })).transform((list) =>
    Object.fromEntries(list.map((tag) => [tag.name, tag.value])),
  ),
]);

const envelope = z.object({
  type: z.string(),
  created_at: z.string().optional(),
  data: z.object({
    email_id: text.optional().catch(undefined),
    created_at: z.string().optional().catch(undefined),
    to: z.union([z.array(z.string()), z.string().transform((v) => [v])]).optional().catch(undefined),
    tags: tags.optional().catch(undefined),
    bounce: z.object({ type: text, subType: text, message: text }).partial().optional().catch(undefined),
    click: z.object({ link: text }).partial().optional().catch(undefined),
    failed: z.object({ reason: text }).partial().optional().catch(undefined),
    suppressed: z.object({ type: text, message: text }).partial().optional().catch(undefined),
  }),
});

function dateOf(...candidates: (string | undefined)[]): Date {
  for (const candidate of candidates) {
    const date = candidate ? new Date(candidate) : null;
    if (date && !Number.isNaN(date.getTime())) return date;
  }
  return new Date();
}

/** A clicked link is kept only if it is an ordinary web address, so it can never become a script link. */
function safeLink(link: string | undefined): string | null {
  return link && /^https?:\/\//i.test(link) ? link : null;
}

/**
 * Reads a verified webhook body. Types Afterword does not track (contacts,
 * domains, inbound mail, or anything new) are ignored, as are events that
 * name no email at all, since nothing could ever be matched to them.
 */
export function readResendEvent(body: unknown): ReadEvent {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return { kind: 'malformed' };
  const { type, created_at, data } = parsed.data;
  if (!statusForEvent(type)) return { kind: 'ignored', reason: `type ${type.slice(0, 60)} is not tracked` };

  const tag = data.tags?.[LETTER_TAG];
  const tagLetterId = typeof tag === 'string' && tag ? tag.slice(0, 100).toLowerCase() : null;
  const emailId = data.email_id || null;
  if (!tagLetterId && !emailId) return { kind: 'ignored', reason: 'no email named' };

  const { bounce, click, failed, suppressed } = data;
  const detail: Record<string, string | null> = {};
  if (data.to?.length) detail.to = data.to.join(', ').slice(0, 500);
  if (bounce) {
    detail.bounceType = [bounce.type, bounce.subType].filter(Boolean).join(' / ') || null;
    detail.reason = bounce.message ?? null;
  }
  if (click) detail.link = safeLink(click.link);
  if (failed) detail.reason = failed.reason ?? null;
  if (suppressed) detail.reason = suppressed.message ?? suppressed.type ?? null;

  return {
    kind: 'event',
    event: { type, emailId, tagLetterId, occurredAt: dateOf(created_at, data.created_at), detail },
  };
}


// `Name <address>`. The address may not hold a `<` either: with `[^>]+`, a run of
// `<` would be scanned to its end once for each of them.
const ANGLE_ADDRESS = /<([^<>]+)>/;

/** The words of a text, split at what cannot be in an address; one pass, whatever the text. */
const NOT_IN_ADDRESS = /[\s<>()[\],;:"']+/;

/** A word without the full stops around it (a sentence may end with an address). */
function trimDots(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && word[start] === '.') start += 1;
  while (end > start && word[end - 1] === '.') end -= 1;
  return word.slice(start, end);
}

/**
 * The addresses a bounce or complaint is about. A letter with CCs goes to
 * several people, but Resend's `to` lists only the To address; when the
 * bounce message names one of the letter's recipients, that one is flagged,
 * and only that one. Otherwise those Resend lists that are the letter's own
 * recipients, or, when they cannot be told apart, the letter's To address.
 */
export function addressesToFlag(event: { detail: Record<string, string | null> }, recipients: { role: string; email: string }[]): string[] {
  const inReason = new Set(
    (event.detail.reason ?? '')
      .split(NOT_IN_ADDRESS)
      .filter((word) => word.includes('@'))
      .map((word) => trimDots(word).toLowerCase()),
  );
  const namedInReason = recipients.filter((r) => inReason.has(r.email.toLowerCase())).map((r) => r.email);
  if (namedInReason.length) return namedInReason;

  const named = new Set(
    (event.detail.to ?? '')
      .split(',')
      .map((address) => (ANGLE_ADDRESS.exec(address)?.[1] ?? address).trim().toLowerCase())
      .filter(Boolean),
  );
  const matched = recipients.filter((r) => named.has(r.email.toLowerCase())).map((r) => r.email);
  return matched.length ? matched : recipients.filter((r) => r.role === 'to').map((r) => r.email);
}
