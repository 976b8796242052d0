import type { ReceivedEmail } from './email-schema';
import type { Fault } from './faults';
import type { InboundEmail, InboundEmailInput } from './inbound-email';
import type { ReceiveRequest, ReceiveResult } from './receiving-routes';
import type { SignedWebhook, SignWebhookInput } from './webhook-signing';

// Type-only imports above (and webhook-delivery, which has no runtime imports)
// keep this file free of server code, so a Playwright spec can import it
// without pulling in node:http or zod.
export { postWebhook, type Delivery } from './webhook-delivery';
export type { InboundEmail, InboundEmailInput, ReceiveResult };

async function call<T>(baseUrl: string, path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json');
  const response = await fetch(new URL(path, baseUrl), { ...init, headers });
  if (!response.ok) {
    const detail = await response.text();
    throw new Error(`${init.method ?? 'GET'} ${path} failed with ${response.status}: ${detail}`);
  }
  return (await response.json()) as T;
}

/** Every email the server has accepted since the last reset, oldest first. */
export async function listEmails(baseUrl: string): Promise<ReceivedEmail[]> {
  const { emails } = await call<{ emails: ReceivedEmail[] }>(baseUrl, '/_test/emails');
  return emails;
}

/** Forgets sent and inbound emails, idempotency keys, pending faults and the request count. */
export async function resetServer(baseUrl: string): Promise<void> {
  await call<unknown>(baseUrl, '/_test/emails', { method: 'DELETE' });
}

/**
 * Makes the next `times` requests fail with `fault`: sends to /emails or
 * /emails/batch, or with `route: 'receiving'` GET /emails/receiving/:id.
 */
export async function injectFault(baseUrl: string, fault: Fault, times = 1): Promise<void> {
  await call<unknown>(baseUrl, '/_test/faults', {
    method: 'POST',
    body: JSON.stringify({ fault, times }),
  });
}

/** Signs a webhook in the server process, for tests that cannot import node:crypto. */
export async function signViaServer(
  baseUrl: string,
  input: SignWebhookInput,
): Promise<SignedWebhook> {
  return call<SignedWebhook>(baseUrl, '/_test/webhooks/sign', {
    method: 'POST',
    body: JSON.stringify(input),
  });
}

/**
 * An email arrives at a receiving domain. With `deliver`, the server POSTs the
 * signed `email.received` webhook to `deliver.url` and hands back the app's
 * answer in `delivery`; it throws if the app cannot be reached. With `sign`, it
 * only signs. Either way `signed` can be posted again with postWebhook() to
 * play a Svix retry.
 */
export async function receiveEmail(
  baseUrl: string,
  email: InboundEmailInput,
  options: Omit<ReceiveRequest, 'email'> = {},
): Promise<ReceiveResult> {
  return call<ReceiveResult>(baseUrl, '/_test/receiving', {
    method: 'POST',
    body: JSON.stringify({ email, ...options }),
  });
}

/** Every inbound email since the last reset, oldest first, as the receiving API answers it. */
export async function listInboundEmails(baseUrl: string): Promise<InboundEmail[]> {
  const { emails } = await call<{ emails: InboundEmail[] }>(baseUrl, '/_test/receiving');
  return emails;
}
