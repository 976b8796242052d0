import { Resend } from 'resend';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { injectFault, listEmails, resetServer, signViaServer } from './client';
import { startResendServer, type ResendTestServer } from './server';
import { makeWebhookSecret, signWebhook, type SignedWebhook } from './webhook-signing';

const letter = {
  from: 'Afterword <letters@afterword.test>',
  to: 'ada@example.com',
  subject: 'Thank you for your time',
  text: 'It was a pleasure to meet you and your colleagues.',
};

const event = { type: 'email.delivered', data: { email_id: 'a1b2', to: ['ada@example.com'] } };
const verifier = new Resend('re_x');

// The SDK's verify() takes the Svix headers under short names.
function svixHeaders({ headers }: SignedWebhook) {
  return {
    id: headers['svix-id'],
    timestamp: headers['svix-timestamp'],
    signature: headers['svix-signature'],
  };
}

let server: ResendTestServer;
let resend: Resend;

beforeAll(async () => {
  server = await startResendServer();
  resend = new Resend('re_test', { baseUrl: server.url });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('status faults', () => {
  it('answers 429 with retry-after, then lets the next send through', async () => {
    server.failNext({ kind: 'status', status: 429, retryAfter: 7 });

    const limited = await resend.emails.send(letter);
    const next = await resend.emails.send(letter);

    expect(limited.error).toMatchObject({ statusCode: 429, name: 'rate_limit_exceeded' });
    expect(limited.headers?.['retry-after']).toBe('7');
    expect(next.error).toBeNull();
    expect(server.emails().map((email) => email.id)).toEqual([next.data?.id]);
  });

  it('answers 500 and records nothing', async () => {
    server.failNext({ kind: 'status', status: 500 });

    const { data, error } = await resend.emails.send(letter);

    expect(data).toBeNull();
    expect(error).toMatchObject({ statusCode: 500, name: 'internal_server_error' });
    expect(server.emails()).toHaveLength(0);
  });
});

describe('hanging faults', () => {
  it('hang: the SDK times out with statusCode null and the key stays in flight', async () => {
    server.failNext({ kind: 'hang' });
    const key = 'thank-you/hang';

    const timedOut = await resend.emails.send(letter, {
      idempotencyKey: key,
      signal: AbortSignal.timeout(300),
    });
    const retry = await resend.emails.send(letter, { idempotencyKey: key });

    expect(timedOut.error).toMatchObject({ statusCode: null, name: 'application_error' });
    expect(retry.error).toMatchObject({ statusCode: 409, name: 'concurrent_idempotent_requests' });
    expect(server.emails()).toHaveLength(0);
  });

  it('hang-after-accept: a retry with the same key gets the recorded id back', async () => {
    server.failNext({ kind: 'hang-after-accept' });
    const key = 'thank-you/accepted';

    const timedOut = await resend.emails.send(letter, {
      idempotencyKey: key,
      signal: AbortSignal.timeout(300),
    });
    const retry = await resend.emails.send(letter, { idempotencyKey: key });

    expect(timedOut.error?.statusCode).toBeNull();
    const emails = server.emails();
    expect(emails).toHaveLength(1);
    expect(retry.data?.id).toBe(emails[0]?.id);
    expect(server.requests()).toBe(2);
  });

  it('close() ends a hanging request promptly', async () => {
    const other = await startResendServer();
    other.failNext({ kind: 'hang' });
    const pending = new Resend('re_test', { baseUrl: other.url }).emails.send(letter);
    while (other.requests() === 0) await new Promise((resolve) => setTimeout(resolve, 10));

    const started = Date.now();
    await other.close();
    const { error } = await pending;

    expect(Date.now() - started).toBeLessThan(1000);
    expect(error?.statusCode).toBeNull();
  });
});

describe('webhook signing', () => {
  it('makes whsec_ secrets of 24 random bytes', () => {
    const secret = makeWebhookSecret();

    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(makeWebhookSecret()).not.toBe(secret);
  });

  it('signs exactly what the SDK verifies, and nothing else', () => {
    const webhookSecret = makeWebhookSecret();
    const signed = signWebhook({ payload: event, secret: webhookSecret, msgId: 'msg_1' });
    const { body } = signed;
    const svix = svixHeaders(signed);

    expect(svix.id).toBe('msg_1');
    expect(svix.signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verifier.webhooks.verify({ payload: body, headers: svix, webhookSecret })).toEqual(event);

    const tampered = body.replace('a1b2', 'a1b3');
    expect(tampered).not.toBe(body);
    expect(() => verifier.webhooks.verify({ payload: tampered, headers: svix, webhookSecret })).toThrow(
      'No matching signature found',
    );
  });

  it('uses the given timestamp, so stale deliveries can be simulated', () => {
    const webhookSecret = makeWebhookSecret();
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    const signed = signWebhook({ payload: event, secret: webhookSecret, timestamp: hourAgo });
    const { body } = signed;
    const svix = svixHeaders(signed);

    expect(svix.timestamp).toBe(String(hourAgo));
    expect(() => verifier.webhooks.verify({ payload: body, headers: svix, webhookSecret })).toThrow(
      'Message timestamp too old',
    );
  });
});

describe('control API through client.ts', () => {
  it('injects faults, lists emails, signs webhooks and resets', async () => {
    await injectFault(server.url, { kind: 'status', status: 503 }, 2);
    const failures = [await resend.emails.send(letter), await resend.emails.send(letter)];
    const success = await resend.emails.send(letter);

    expect(failures.map((result) => result.error?.statusCode)).toEqual([503, 503]);
    const listed = await listEmails(server.url);
    expect(listed.map((email) => email.id)).toEqual([success.data?.id]);
    expect(server.requests()).toBe(3);

    const webhookSecret = makeWebhookSecret();
    const signed = await signViaServer(server.url, { payload: event, secret: webhookSecret });
    const headers = svixHeaders(signed);
    expect(verifier.webhooks.verify({ payload: signed.body, headers, webhookSecret })).toEqual(event);

    await resetServer(server.url);
    expect(await listEmails(server.url)).toEqual([]);
    expect(server.requests()).toBe(0);
  });

  it('answers /health and rejects an unknown fault kind', async () => {
    const health = await fetch(`${server.url}/health`);
    const bad = await fetch(`${server.url}/_test/faults`, {
      method: 'POST',
      body: JSON.stringify({ fault: { kind: 'explode' } }),
    });

    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');
    expect(bad.status).toBe(400);
  });
});
