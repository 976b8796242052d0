import { z } from 'zod';

export type EmailTag = { name: string; value: string };

/** One email as the server accepted it, with address fields always as arrays. */
export type ReceivedEmail = {
  id: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  html: string | null;
  text: string | null;
  tags: EmailTag[];
  headers: Record<string, string>;
  scheduledAt: string | null;
  idempotencyKey: string | null;
  receivedAt: string;
};

const MAX_RECIPIENTS = 50;
export const MAX_BATCH_SIZE = 100;

// Deliberately loose: Resend accepts `a@b` and `Name <a@b>`; we only need to catch
// obvious garbage and, above all, header injection through line breaks.
const BARE_ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
const NAMED_ADDRESS = /^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/;
const LINE_BREAK = /[\r\n]/;

const address = z
  .string()
  .refine((value) => !LINE_BREAK.test(value), {
    error: 'must not contain line breaks',
    abort: true,
  })
  .refine((value) => BARE_ADDRESS.test(value.trim()) || NAMED_ADDRESS.test(value.trim()), {
    error: 'must be in the `email@example.com` or `Name <email@example.com>` format',
  });

// Resend takes a single address or a list; normalising up front keeps issue paths
// pointing at the offending entry (`to[1]`) instead of an opaque union failure.
const addressList = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? [value] : value),
    z.array(address).min(1).max(max),
  );

const tagPart = z
  .string()
  .max(256)
  .regex(/^[A-Za-z0-9_-]+$/, {
    error: 'may only contain ASCII letters, numbers, underscores, or dashes',
  });

const emailSchema = z
  .object({
    from: address,
    to: addressList(MAX_RECIPIENTS),
    subject: z.string().min(1),
    html: z.string().optional(),
    text: z.string().optional(),
    cc: addressList(MAX_RECIPIENTS).optional(),
    bcc: addressList(MAX_RECIPIENTS).optional(),
    reply_to: addressList(MAX_RECIPIENTS).optional(),
    tags: z.array(z.object({ name: tagPart, value: tagPart })).optional(),
    // Resend refuses a header that could start another one.
    headers: z
      .record(
        z.string().regex(/^[A-Za-z0-9-]+$/, { error: 'header names may only contain letters, digits and dashes' }),
        z.string().refine((value) => !LINE_BREAK.test(value), { error: 'must not contain line breaks' }),
      )
      .optional(),
    scheduled_at: z.string().optional(),
  })
  .refine((email) => email.html !== undefined || email.text !== undefined, {
    error: 'Missing `html` or `text` field.',
  });

export type ValidEmail = z.output<typeof emailSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

// Mirrors Resend's habit of naming the field in a single human-readable message,
// which is what the SDK surfaces as `error.message`.
function describeFirstIssue(error: z.ZodError, input: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid request body.';
  const field = formatPath(issue.path);
  if (!field) return issue.code === 'custom' ? issue.message : `Invalid request body: ${issue.message}`;
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
    return `Missing \`${field}\` field.`;
  }
  return `Invalid \`${field}\` field: ${issue.message}`;
}

export function validateEmail(input: unknown): ParseResult<ValidEmail> {
  const result = emailSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, message: describeFirstIssue(result.error, input) };
}

export type BatchMode = 'strict' | 'permissive';

export type BatchResult =
  | { ok: true; emails: ValidEmail[]; errors: { index: number; message: string }[] }
  | { ok: false; message: string };

// Strict mode (the SDK default) rejects the whole batch on the first bad email;
// permissive mode accepts the valid ones and reports the rest by index.
export function validateBatch(input: unknown, mode: BatchMode): BatchResult {
  if (!Array.isArray(input)) {
    return { ok: false, message: 'Invalid request body: expected an array of emails.' };
  }
  if (input.length === 0 || input.length > MAX_BATCH_SIZE) {
    return { ok: false, message: `A batch must contain 1 to ${MAX_BATCH_SIZE} emails.` };
  }
  const emails: ValidEmail[] = [];
  const errors: { index: number; message: string }[] = [];
  for (const [index, item] of input.entries()) {
    const result = validateEmail(item);
    if (result.ok) {
      emails.push(result.value);
      continue;
    }
    const message = `emails[${index}]: ${result.message}`;
    if (mode === 'strict') return { ok: false, message };
    errors.push({ index, message: result.message });
  }
  return { ok: true, emails, errors };
}

export function parseJson(raw: string): ParseResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false, message: 'Invalid JSON in request body.' };
  }
}

export function toReceivedEmail(
  email: ValidEmail,
  id: string,
  idempotencyKey: string | null,
): ReceivedEmail {
  return {
    id,
    from: email.from,
    to: email.to,
    cc: email.cc ?? [],
    bcc: email.bcc ?? [],
    replyTo: email.reply_to ?? [],
    subject: email.subject,
    html: email.html ?? null,
    text: email.text ?? null,
    tags: email.tags ?? [],
    headers: email.headers ?? {},
    scheduledAt: email.scheduled_at ?? null,
    idempotencyKey,
    receivedAt: new Date().toISOString(),
  };
}
