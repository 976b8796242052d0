import { z } from 'zod';

/** Which API a fault lies in wait for: sends (/emails, /emails/batch) or GET /emails/receiving/:id. */
export type FaultRoute = 'send' | 'receiving';

/**
 * A failure to inject into upcoming requests; `route` defaults to 'send'.
 * - status: answer with that status and a Resend-style error body. A 429 says
 *   `retry-after: 1` unless told another number, or none (null). Its `name`
 *   may be Resend's `daily_quota_exceeded` or `monthly_quota_exceeded`.
 * - hang: never answer, as if Resend stalled before doing anything.
 * - hang-after-accept: accept and record the email, then never answer, which is
 *   the case idempotency keys exist for (the client cannot tell it was sent).
 *   Sends only: a GET has nothing to accept.
 */
export type Fault =
  | {
      kind: 'status';
      status: number;
      retryAfter?: number | null;
      name?: string;
      message?: string;
      route?: FaultRoute;
    }
  | { kind: 'hang'; route?: FaultRoute }
  | { kind: 'hang-after-accept' };

const route = z.enum(['send', 'receiving']).optional();

export const faultSchema: z.ZodType<Fault> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599),
    retryAfter: z.number().nonnegative().nullable().optional(),
    name: z.string().optional(),
    message: z.string().optional(),
    route,
  }),
  z.object({ kind: z.literal('hang'), route }),
  z.object({ kind: z.literal('hang-after-accept') }),
]);

export const faultRequestSchema = z.object({
  fault: faultSchema,
  times: z.number().int().positive().optional(),
});

function routeOf(fault: Fault): FaultRoute {
  return fault.kind === 'hang-after-accept' ? 'send' : (fault.route ?? 'send');
}

/** Faults wait in order; each request takes the first one meant for its route. */
export class FaultQueue {
  private queue: Fault[] = [];

  add(fault: Fault, times = 1): void {
    if (!Number.isInteger(times) || times < 1) {
      throw new RangeError(`times must be a positive integer, got ${times}`);
    }
    for (let i = 0; i < times; i += 1) this.queue.push(fault);
  }

  take(route: FaultRoute): Fault | undefined {
    const index = this.queue.findIndex((fault) => routeOf(fault) === route);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  pending(): number {
    return this.queue.length;
  }

  clear(): void {
    this.queue = [];
  }
}
