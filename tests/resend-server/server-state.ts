import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { ReceivedEmail } from './email-schema';
import { FaultQueue } from './faults';
import type { InboundEmail } from './inbound-email';
import { IdempotencyStore } from './idempotency-store';

/** What the headers say when no limit is enforced: Resend's default plan. */
const ADVERTISED_RATE_LIMIT = 5;
const RATE_WINDOW_MS = 1000;

/** A send the enforced limit turned away: when, and under which idempotency key. */
export type RateLimitedRequest = { at: string; idempotencyKey: string | null };

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
  // Per API key (Resend's limit is per account): when each admitted send arrived, within the last second.
  private admitted = new Map<string, number[]>();
  private limited: RateLimitedRequest[] = [];

  /** `ratePerSecond`: when set, sends beyond it in any one second are answered 429, as Resend does. */
  constructor(
    readonly apiKey: string | undefined,
    readonly ratePerSecond?: number,
  ) {}

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

  /**
   * With `ratePerSecond`, admits a send when fewer than that many were
   * admitted under the same key in the last second (a sliding window; a
   * refused one does not count), else says how many whole seconds to wait.
   * Without it, every send is admitted: tests inject 429s instead.
   */
  admit(apiKey: string, idempotencyKey: string | null): { ok: true } | { ok: false; retryAfterSeconds: number } {
    if (this.ratePerSecond === undefined) return { ok: true };
    const now = Date.now();
    const recent = (this.admitted.get(apiKey) ?? []).filter((at) => now - at < RATE_WINDOW_MS);
    if (recent.length >= this.ratePerSecond) {
      this.admitted.set(apiKey, recent);
      this.limited.push({ at: new Date(now).toISOString(), idempotencyKey });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + RATE_WINDOW_MS - now) / 1000)) };
    }
    this.admitted.set(apiKey, [...recent, now]);
    return { ok: true };
  }

  rateLimited(): RateLimitedRequest[] {
    return this.limited.map((request) => ({ ...request }));
  }

  /**
   * The limit enforced and what is left of it this second for the key; with
   * none enforced, Resend's default against every request (informational).
   */
  rateLimitHeaders(apiKey?: string): OutgoingHttpHeaders {
    const now = Date.now();
    const seen = this.ratePerSecond === undefined ? this.recentPosts : (this.admitted.get(apiKey ?? '') ?? []);
    const used = seen.filter((at) => now - at < RATE_WINDOW_MS).length;
    const limit = this.ratePerSecond ?? ADVERTISED_RATE_LIMIT;
    return {
      'ratelimit-limit': String(limit),
      'ratelimit-remaining': String(Math.max(0, limit - used)),
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
    this.admitted.clear();
    this.limited = [];
    this.idempotency.clear();
    this.faults.clear();
    // A hang left over from the previous test must not leak into the next one.
    this.releaseHeld();
  }
}
