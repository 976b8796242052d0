import type { ReceivedEmail } from './email-schema';
import type { Fault } from './faults';
import type { SignedWebhook, SignWebhookInput } from './webhook-signing';

// Type-only imports above keep this file free of server code, so a Playwright
// spec can import it without pulling in node:http or zod.

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

/** Forgets emails, idempotency keys, pending faults and the request count. */
export async function resetServer(baseUrl: string): Promise<void> {
  await call<unknown>(baseUrl, '/_test/emails', { method: 'DELETE' });
}

/** Makes the next `times` sends to /emails or /emails/batch fail with `fault`. */
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
