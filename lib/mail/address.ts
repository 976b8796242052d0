import { z } from 'zod';

/** The longest address SMTP carries (RFC 5321's 256-octet path, less its angle brackets). */
const MAX_ADDRESS_LENGTH = 254;

/**
 * One email address, as a person types it. Stricter than RFC 5322 on purpose:
 * commas, spaces, CR/LF and look-alike characters (a fullwidth ＠) are how one
 * "address" turns into several recipients or an injected header.
 */
export const emailAddress = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .min(1, 'Enter an email address.')
  // Aborts: the checks below never read more than an address can hold.
  .max(MAX_ADDRESS_LENGTH, { message: 'That address is too long.', abort: true })
  .superRefine((value, ctx) => {
    const problem = addressProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => value.toLowerCase());

function addressProblem(value: string): string | null {
  if (/[\r\n]/.test(value)) return 'An email address cannot contain line breaks.';
  if (/[,;]/.test(value)) return 'Enter one address only, without commas or semicolons.';
  if (/\s/.test(value)) return 'An email address cannot contain spaces.';
  if (/[^\x21-\x7e]/.test(value)) {
    return 'Use plain letters, digits and @ only (no look-alike characters such as a fullwidth ＠).';
  }
  if (/["<>()[\]\\]/.test(value)) return 'An email address cannot contain quotes or brackets.';
  const parts = value.split('@');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return 'Enter an address like name@example.com.';
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(parts[1])) {
    return 'The part after @ must be a domain, like example.com.';
  }
  if (/^\.|\.\.|\.$/.test(parts[0])) return 'The part before @ cannot start or end with a dot, or have two in a row.';
  return null;
}

/** Throws the same message as the form shows; for Auth.js's identifier hook. */
export function normalizeEmailAddress(value: string): string {
  const result = emailAddress.safeParse(value);
  if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'Invalid email address.');
  return result.data;
}

/** A display name for a From or To header: no line breaks, no quotes to escape. */
export function formatMailbox(name: string | null | undefined, address: string): string {
  const clean = (name ?? '').replace(/[\r\n"\\<>]/g, '').trim();
  return clean ? `"${clean}" <${address}>` : address;
}
