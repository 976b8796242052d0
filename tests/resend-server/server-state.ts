import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { ReceivedEmail } from './email-schema';
import { FaultQueue } from './faults';
import type { InboundEmail } from './inbound-email';
import { IdempotencyStore } from './idempotency-store';

const RATE_LIMIT = 5;
const RATE_WINDOW_MS = 1000;

/** Everything the routes share; one instance per running server. */
export class ServerState {
  readonly idempotency = new IdempotencyStore();
  readonly faults = new FaultQueue();
  private received: ReceivedEmail[] = [];
  // Mail that arrived at a receiving domain; kept apart from what was sent.
  private inbound = new Map<string, InboundEmail>();
  private postCount = 0;
  private recentPosts: number[] = [];
  private held = new Set<ServerResponse>();

  constructor(readonly apiKey: string | undefined) {}

  emails(): ReceivedEmail[] {
    // Copies, so a test cannot mutate what the server considers sent.
    return this.received.map((email) => structuredClone(email));
  }

  record(emails: ReceivedEmail[]): void {
    this.received.push(...emails);
  }

  inboundEmails(): InboundEmail[] {
    return [...this.inbound.values()].map((email) => structuredClone(email));
  }

  inboundEmail(id: string): InboundEmail | undefined {
    const email = this.inbound.get(id);
    return email && structuredClone(email);
  }

  storeInbound(email: InboundEmail): void {
    this.inbound.set(email.id, email);
  }

  /** Every API request's method and path, in order (control routes left out): what the app asked for. */
  readonly calls: string[] = [];

  countPost(): void {
    this.postCount += 1;
    const now = Date.now();
    this.recentPosts = this.recentPosts.filter((at) => now - at < RATE_WINDOW_MS);
    this.recentPosts.push(now);
  }

  requests(): number {
    return this.postCount;
  }

  /** Informational only: the limit is never enforced, tests inject 429s instead. */
  rateLimitHeaders(): OutgoingHttpHeaders {
    const now = Date.now();
    const used = this.recentPosts.filter((at) => now - at < RATE_WINDOW_MS).length;
    return {
      'ratelimit-limit': String(RATE_LIMIT),
      'ratelimit-remaining': String(Math.max(0, RATE_LIMIT - used)),
      'ratelimit-reset': '1',
    };
  }

  /** Keeps a response open without answering, until the client gives up or we close. */
  hold(res: ServerResponse): void {
    this.held.add(res);
    res.on('close', () => this.held.delete(res));
  }

  releaseHeld(): void {
    for (const res of this.held) res.destroy();
    this.held.clear();
  }

  reset(): void {
    this.received = [];
    this.inbound.clear();
    this.postCount = 0;
    this.calls.length = 0;
    this.recentPosts = [];
    this.idempotency.clear();
    this.faults.clear();
    // A hang left over from the previous test must not leak into the next one.
    this.releaseHeld();
  }
}
