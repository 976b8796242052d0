import type { SignedWebhook } from './webhook-signing';

// No runtime imports: client.ts re-exports this for Playwright specs.

/** What the app answered a webhook POST with. */
export type Delivery = { status: number; body: string };

// Svix gives an endpoint 15 seconds before it counts the attempt as failed.
const DELIVERY_TIMEOUT_MS = 15_000;

/**
 * POSTs a signed webhook the way Svix does for Resend. Posting the same
 * `signed` again is a Svix retry: same svix-id, which the app should dedupe.
 */
export async function postWebhook(url: string, signed: SignedWebhook): Promise<Delivery> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signed.headers },
    body: signed.body,
    signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
  });
  return { status: response.status, body: await response.text() };
}
