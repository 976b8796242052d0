import { z } from 'zod';
import { emailAddress } from './address';

const noLineBreaks = (label: string) =>
  z.string().refine((v) => !/[\r\n]/.test(v), { message: `${label} cannot contain line breaks` });

const tag = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/),
  value: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/),
});

/**
 * Extra headers (the digest's List-Unsubscribe): a name is a header token,
 * and neither may break a line, so nothing can add a header of its own.
 */
const headers = z
  .record(
    z.string().regex(/^[A-Za-z0-9-]{1,100}$/, { message: 'A header name may only contain letters, digits and dashes' }),
    noLineBreaks('A header').pipe(z.string().max(2000)),
  )
  .refine((h) => Object.keys(h).length <= 10, { message: 'At most 10 extra headers' });

/** One message, as the rest of the app hands it over. */
export const outgoingMail = z.object({
  /** Shown as "<fromName> via Afterword"; the address is always MAIL_FROM. */
  fromName: noLineBreaks('A sender name').max(100).optional(),
  to: z.array(emailAddress).min(1),
  cc: z.array(emailAddress).default([]),
  /** The person's own address, and with INBOUND_DOMAIN the letter's signed reply address after it. */
  replyTo: z.union([emailAddress, z.array(emailAddress).min(1).max(2)]).optional(),
  subject: noLineBreaks('A subject').pipe(z.string().min(1).max(300)),
  html: z.string().min(1),
  text: z.string().min(1),
  tags: z.array(tag).min(1),
  headers: headers.optional(),
  /** Resend keys a request to its body: a retry must reuse the key and the exact body. */
  idempotencyKey: z.string().min(1).max(256),
});
export type OutgoingMail = z.input<typeof outgoingMail>;

/**
 * The body of the request to Resend, exactly as sent: `from` already formed,
 * recipients in order. Stored with a letter, so every retry sends the same.
 */
export const mailPayloadSchema = z.object({
  from: z.string().min(1),
  to: z.array(z.string()).min(1),
  cc: z.array(z.string()).optional(),
  replyTo: z.union([z.string(), z.array(z.string())]).optional(),
  subject: z.string().min(1),
  html: z.string().min(1),
  text: z.string().min(1),
  tags: z.array(tag).min(1),
  headers: headers.optional(),
});
export type MailPayload = z.infer<typeof mailPayloadSchema>;
