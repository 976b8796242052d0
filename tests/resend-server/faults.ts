import { z } from 'zod';

/**
 * A failure to inject into upcoming sends.
 * - status: answer with that status and a Resend-style error body. A 429 says
 *   `retry-after: 1` unless told another number, or none (null). Its `name`
 *   may be Resend's `daily_quota_exceeded` or `monthly_quota_exceeded`.
 * - hang: never answer, as if Resend stalled before doing anything.
 * - hang-after-accept: accept and record the email, then never answer, which is
 *   the case idempotency keys exist for (the client cannot tell it was sent).
 */
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: number | null; name?: string; message?: string }
  | { kind: 'hang' }
  | { kind: 'hang-after-accept' };

export const faultSchema: z.ZodType<Fault> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599),
    retryAfter: z.number().nonnegative().nullable().optional(),
    name: z.string().optional(),
    message: z.string().optional(),
  }),
  z.object({ kind: z.literal('hang') }),
  z.object({ kind: z.literal('hang-after-accept') }),
]);

export const faultRequestSchema = z.object({
  fault: faultSchema,
  times: z.number().int().positive().optional(),
});

export class FaultQueue {
  private queue: Fault[] = [];

  add(fault: Fault, times = 1): void {
    if (!Number.isInteger(times) || times < 1) {
      throw new RangeError(`times must be a positive integer, got ${times}`);
    }
    for (let i = 0; i < times; i += 1) this.queue.push(fault);
  }

  take(): Fault | undefined {
    return this.queue.shift();
  }

  pending(): number {
    return this.queue.length;
  }

  clear(): void {
    this.queue = [];
  }
}
