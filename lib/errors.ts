import { errorFrames, errorReason } from './error-reason';

/** An expected failure, with a message written for the person who hit it. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * The words for something missing. Another person's record is told exactly
 * the same, so nobody learns that it exists.
 */
export const NOT_FOUND = {
  account: 'Your account could not be found. Sign in again.',
  application: 'That application could not be found. It may have been deleted.',
  interview: 'That interview could not be found. It may have been deleted.',
  stageChange: 'That stage move could not be found. It may have been deleted.',
  contact: 'That contact could not be found. It may have been deleted or merged into another.',
  template: 'That template could not be found. It may have been deleted.',
  occasion: 'That letter’s interview or application no longer exists.',
  letter: 'That letter could not be found. It may have been deleted.',
  dueItem: 'That item could not be found. It may have been deleted; reload the page.',
  reply: 'That reply could not be found. Its letter or application may have been deleted.',
} as const;

/** A sender holds one of the letters a deletion would take: it waits for Resend's answer, a hold it renews while it waits, which runs out within seconds if it dies. */
export const LETTER_BEING_SENT = 'A letter is being sent; try again in a minute.';

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  '57P01', // admin shutdown
  '57P03', // cannot connect now
  '3D000', // database does not exist
]);

/** True when the error, or anything it wraps, says the database cannot be reached. */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnreachable(e, depth + 1))) return true;
  return isDatabaseUnreachable(cause, depth + 1);
}

/**
 * True when the error, or anything it wraps, is a unique violation, of the
 * named constraint if one is given. postgres.js names the constraint
 * `constraint_name`, PGlite `constraint`; Drizzle wraps either in `cause`.
 */
export function isUniqueViolation(error: unknown, constraint?: string, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };
  if (e.code === '23505' && (constraint === undefined || (e.constraint_name ?? e.constraint) === constraint)) return true;
  return isUniqueViolation(e.cause, constraint, depth + 1);
}

export const DATABASE_UNREACHABLE_MESSAGE =
  'Afterword cannot reach its database right now. Nothing you typed was saved; try again in a minute.';

/**
 * Logs an unexpected error with what was being done, and returns words for
 * the person. The log says what failed and, for a bug, where; never the
 * values a failed statement was given.
 */
export function describeUnexpected(context: string, error: unknown): string {
  if (isDatabaseUnreachable(error)) {
    console.error(`[${context}] database unreachable: ${errorReason(error)}`);
    return DATABASE_UNREACHABLE_MESSAGE;
  }
  const frames = errorFrames(error).map((frame) => `\n    ${frame}`);
  console.error(`[${context}] unexpected error: ${errorReason(error)}${frames.join('')}`);
  return 'Something went wrong on our side and nothing was saved. Please try again.';
}
