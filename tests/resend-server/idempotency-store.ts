import { createHash } from 'node:crypto';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 256;

type Entry =
  | { fingerprint: string; state: 'in-flight' }
  | { fingerprint: string; state: 'done'; status: number; body: unknown };

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'mismatch' }
  | { kind: 'in-flight' };

/**
 * Resend remembers an idempotency key with the request it came with and the
 * response it got. Comparing the raw body (not the parsed one) matches Resend's
 * strictness: a retry must resend exactly the same bytes to the same endpoint.
 */
export function fingerprint(path: string, rawBody: string): string {
  return createHash('sha256').update(path).update('\n').update(rawBody).digest('hex');
}

export class IdempotencyStore {
  private entries = new Map<string, Entry>();

  /** Reserves the key for this request, or says why the request must not run. */
  claim(key: string, requestFingerprint: string): Claim {
    const entry = this.entries.get(key);
    if (!entry) {
      this.entries.set(key, { fingerprint: requestFingerprint, state: 'in-flight' });
      return { kind: 'claimed' };
    }
    if (entry.fingerprint !== requestFingerprint) return { kind: 'mismatch' };
    if (entry.state === 'in-flight') return { kind: 'in-flight' };
    return { kind: 'replay', status: entry.status, body: entry.body };
  }

  complete(key: string, status: number, body: unknown): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.set(key, { fingerprint: entry.fingerprint, state: 'done', status, body });
  }

  /** Frees a key whose request was rejected, so a corrected retry can reuse it. */
  release(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
