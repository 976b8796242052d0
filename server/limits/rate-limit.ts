import 'server-only';
import crypto from 'node:crypto';
import { countRequest, deleteRateLimitWindowsBefore } from '@/db/queries/rate-limits';
import { UserError } from '@/lib/errors';
import {
  RATE_LIMIT_KEEP_HOURS,
  RATE_LIMITS,
  type RateLimitScope,
  secondsLeftInWindow,
  tooManyMessage,
  windowStartOf,
} from '@/lib/security/rate-limits';

/** A request over one of the limits: its message says which, and how long to wait. */
export class RateLimited extends UserError {
  constructor(
    readonly scope: RateLimitScope,
    readonly retryAfterSeconds: number,
  ) {
    super(tooManyMessage(scope, retryAfterSeconds));
    this.name = 'RateLimited';
  }
}

/**
 * Whom a limit counts, as stored: a hash, so the table holds no address or
 * IP, and a person's id tells nothing about them there either.
 */
const keyOf = (scope: RateLimitScope, who: string) => crypto.createHash('sha256').update(`${scope}\0${who}`).digest('base64url');

/**
 * Counts one request against a limit, and refuses it (throws `RateLimited`)
 * when the window already held as many as the limit allows. A refused
 * request is counted too, which changes nothing: its window ends on the clock.
 */
export async function holdToRateLimit(scope: RateLimitScope, who: string, now: Date = new Date()): Promise<void> {
  const count = await countRequest(scope, keyOf(scope, who), windowStartOf(scope, now));
  if (count > RATE_LIMITS[scope].max) throw new RateLimited(scope, secondsLeftInWindow(scope, now));
}

/** The same, for a route: the refusal to answer with, or null when the request may go on. */
export async function rateLimitRefusal(scope: RateLimitScope, who: string, now: Date = new Date()): Promise<RateLimited | null> {
  try {
    await holdToRateLimit(scope, who, now);
    return null;
  } catch (error) {
    if (error instanceof RateLimited) return error;
    throw error;
  }
}

/** Deletes the counts of windows long over; returns how many. */
export async function pruneRateLimitWindows(now: Date = new Date()): Promise<number> {
  return deleteRateLimitWindowsBefore(new Date(now.getTime() - RATE_LIMIT_KEEP_HOURS * 60 * 60 * 1000));
}
