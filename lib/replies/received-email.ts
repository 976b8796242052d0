import { z } from 'zod';

/**
 * What Afterword reads of an email Resend received: the `email.received`
 * webhook's facts, then the email itself from the receiving API. Mail from
 * the outside world can be anything (a header line of a megabyte, 500
 * recipients, a NUL byte Postgres refuses), so everything is cut to size
 * here, once, and whatever cannot be read becomes empty rather than an error.
 */

/** The most recipients read from one email; the reply address is found among them. */
export const MAX_RECIPIENTS = 1000;
/** The reply's own words, kept; a letter's answer is a few paragraphs. */
export const MAX_TEXT_CHARS = 20_000;
/** HTML above this is not kept (the text still is): it is for a framed look, not an archive. */
export const MAX_HTML_CHARS = 200_000;
const MAX_HEADER_CHARS = 2_000;
const MAX_ATTACHMENTS = 50;

/** Postgres text cannot hold NUL; mail from anywhere may. */
function clean(value: string, max: number): string {
  const cut = value.length > max ? value.slice(0, max) : value;
  return cut.includes('\u0000') ? cut.replaceAll('\u0000', '') : cut;
}

const line = (max: number) => z.string().transform((v) => clean(v, max));
const addresses = z
  .union([z.array(z.unknown()), z.string().transform((v) => [v])])
  .transform((list) =>
    list
      .slice(0, MAX_RECIPIENTS)
      .filter((v): v is string => typeof v === 'string' && v.length <= 1000)
      .map((v) => clean(v, 1000)),
  )
  .catch([]);

export type ReplyAttachment = { filename: string | null; contentType: string | null; size: number | null };

const attachments = z
  .array(z.unknown())
  .transform((list) =>
    list.slice(0, MAX_ATTACHMENTS).map((raw): ReplyAttachment => {
      const item = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      return {
        filename: typeof item.filename === 'string' ? clean(item.filename, 200) : null,
        contentType: typeof item.content_type === 'string' ? clean(item.content_type, 100) : null,
        size: typeof item.size === 'number' && Number.isFinite(item.size) ? item.size : null,
      };
    }),
  )
  .catch([]);

/** The content of the mail itself, as the receiving API (or the outbox's simulation) gives it. */
export type ReceivedContent = {
  text: string;
  html: string | null;
  /** Header names lower-cased, values cut short: only a few are ever read. */
  headers: Record<string, string>;
  attachments: ReplyAttachment[];
};

/** What the webhook said, kept on `received_emails` until the email is read. */
export type ReceivedEvent = {
  emailId: string;
  from: string;
  to: string[];
  cc: string[];
  receivedFor: string[];
  messageId: string;
  subject: string;
  createdAt: string;
  /** Only for a reply simulated in outbox mode: what the receiving API would answer, in its shape. */
  simulated?: { text: string; html: string | null; headers: Record<string, string> };
};

const eventData = z.object({
  email_id: z.string().min(1).max(200),
  created_at: z.string().max(100).catch(''),
  from: line(1000).catch(''),
  to: addresses.optional().default([]),
  cc: addresses.optional().default([]),
  received_for: addresses.optional().default([]),
  message_id: line(1000).catch(''),
  subject: line(1000).catch(''),
});

/** The `data` of a verified `email.received` event, or null when it names no email. */
export function readReceivedEvent(data: unknown): ReceivedEvent | null {
  const parsed = eventData.safeParse(data);
  if (!parsed.success) return null;
  const d = parsed.data;
  return {
    emailId: d.email_id,
    from: d.from,
    to: d.to,
    cc: d.cc,
    receivedFor: d.received_for,
    messageId: d.message_id,
    subject: d.subject,
    createdAt: d.created_at,
  };
}

const headerMap = z
  .record(z.string(), z.unknown())
  .transform((raw) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(raw).slice(0, 500)) {
      if (typeof value === 'string' && name.length <= 100) headers[name.toLowerCase()] = clean(value, MAX_HEADER_CHARS);
    }
    return headers;
  })
  .catch({});

const content = z.object({
  text: z.string().nullish().catch(null),
  html: z.string().nullish().catch(null),
  headers: headerMap.nullish(),
  attachments: attachments.optional(),
});

/** The receiving API's answer for one email, cut to what is kept. */
export function readReceivedContent(body: unknown): ReceivedContent {
  const parsed = content.safeParse(body);
  const d = parsed.success ? parsed.data : { text: null, html: null, headers: null, attachments: [] };
  const html = d.html && d.html.length <= MAX_HTML_CHARS ? clean(d.html, MAX_HTML_CHARS) : null;
  return {
    // Kept generous here; the trimmed reply is cut to MAX_TEXT_CHARS when stored.
    text: clean(d.text ?? '', MAX_TEXT_CHARS * 5),
    html,
    headers: d.headers ?? {},
    attachments: d.attachments ?? [],
  };
}

/** `Ana Lima <ana@acme.example>` → its parts; a bare address has no name. */
export function readMailbox(value: string): { name: string | null; email: string } {
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
  const email = (angle?.[1] ?? value).trim().toLowerCase();
  const name = angle ? value.slice(0, angle.index).replace(/["\\]/g, '').trim() || null : null;
  return { name: name ? name.slice(0, 200) : null, email: email.slice(0, 254) };
}

/** The Message-IDs a reply names as its parents, In-Reply-To first. */
export function parentMessageIds(headers: Record<string, string>): string[] {
  const ids = `${headers['in-reply-to'] ?? ''} ${headers.references ?? ''}`.match(/<[^<>\s]{1,250}>/g) ?? [];
  return [...new Set(ids)].slice(0, 50);
}
