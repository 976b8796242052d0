import { randomUUID } from 'node:crypto';
import type { EmailReceivedEvent, GetReceivingEmailResponseSuccess } from 'resend';
import { z } from 'zod';

/**
 * An email that arrived at a receiving domain, stored exactly as
 * GET /emails/receiving/:id answers it. `raw` is always null: there is no
 * original .eml to offer a download link for.
 */
export type InboundEmail = GetReceivingEmailResponseSuccess;

// Loose on purpose: inbound mail comes from anyone, so a test may need odd
// addresses; the point is to describe a letter, not to police it.
const addresses = z.array(z.string().min(1));

const attachmentInputSchema = z.object({
  filename: z.string().min(1),
  content_type: z.string().min(1),
  size: z.number().int().nonnegative(),
  content_id: z.string().min(1).nullable().optional(),
  content_disposition: z.enum(['attachment', 'inline']).optional(),
});

/** What a test says arrived. Field names are Resend's, so the shapes read alike. */
export const inboundEmailInputSchema = z.object({
  from: z.string().min(1),
  to: addresses.min(1),
  cc: addresses.optional(),
  bcc: addresses.optional(),
  reply_to: addresses.optional(),
  /** The addresses on the receiving domain it was delivered for; defaults to `to`. */
  received_for: addresses.min(1).optional(),
  subject: z.string(),
  text: z.string().nullable().optional(),
  html: z.string().nullable().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  /** The Message-ID header, angle brackets included; a unique one is made up otherwise. */
  message_id: z.string().min(1).optional(),
  attachments: z.array(attachmentInputSchema).optional(),
});

export type InboundEmailInput = z.input<typeof inboundEmailInputSchema>;
type ValidInboundEmail = z.output<typeof inboundEmailInputSchema>;

/** Resend's database timestamps carry microseconds and an explicit offset. */
function resendTimestamp(at: Date): string {
  return at.toISOString().replace('Z', '000+00:00');
}

export function toInboundEmail(input: ValidInboundEmail, at = new Date()): InboundEmail {
  const id = randomUUID();
  return {
    object: 'email',
    id,
    to: input.to,
    from: input.from,
    created_at: resendTimestamp(at),
    subject: input.subject,
    bcc: input.bcc ?? [],
    cc: input.cc ?? [],
    reply_to: input.reply_to ?? [],
    received_for: input.received_for ?? input.to,
    html: input.html ?? null,
    text: input.text ?? null,
    headers: input.headers ?? {},
    message_id: input.message_id ?? `<${id}@inbound.resend.test>`,
    raw: null,
    attachments: (input.attachments ?? []).map((attachment) => ({
      id: randomUUID(),
      filename: attachment.filename,
      size: attachment.size,
      content_type: attachment.content_type,
      content_id: attachment.content_id ?? null,
      content_disposition: attachment.content_disposition ?? 'attachment',
    })),
  };
}

/** The `email.received` webhook: metadata only, the app must fetch the body itself. */
export function receivedEvent(email: InboundEmail, at = new Date()): EmailReceivedEvent {
  return {
    type: 'email.received',
    created_at: at.toISOString(),
    data: {
      email_id: email.id,
      created_at: email.created_at,
      from: email.from,
      to: email.to,
      bcc: email.bcc ?? [],
      cc: email.cc ?? [],
      received_for: email.received_for,
      message_id: email.message_id,
      subject: email.subject,
      attachments: email.attachments.map((attachment) => ({
        id: attachment.id,
        filename: attachment.filename,
        content_type: attachment.content_type,
        content_disposition: attachment.content_disposition,
        content_id: attachment.content_id,
      })),
    },
  };
}
