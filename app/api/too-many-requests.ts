import type { RateLimited } from '@/server/limits/rate-limit';

/** A 429 with the limit's message as plain text, which the browser shows where the link was followed, and when to try again. */
export function tooManyRequests(refusal: RateLimited): Response {
  return new Response(refusal.message, {
    status: 429,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(refusal.retryAfterSeconds) },
  });
}
