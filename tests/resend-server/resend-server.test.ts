import { Resend } from 'resend';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startResendServer, type ResendTestServer } from './server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const letter = {
  from: 'Afterword <letters@afterword.test>',
  to: 'ada@example.com',
  subject: 'Thank you for your time',
  text: 'It was a pleasure to meet you and your colleagues.',
};

let server: ResendTestServer;
let resend: Resend;

beforeAll(async () => {
  server = await startResendServer();
  resend = new Resend('re_test', { baseUrl: server.url });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('POST /emails', () => {
  it('records a send with recipients normalised to lists', async () => {
    const { data, error, headers } = await resend.emails.send({
      ...letter,
      cc: ['grace@example.com', 'Alan <alan@example.com>'],
      replyTo: 'me@example.com',
      tags: [{ name: 'kind', value: 'thank-you' }],
    });

    expect(error).toBeNull();
    expect(data?.id).toMatch(UUID);
    expect(headers?.['ratelimit-limit']).toBe('5');
    expect(headers?.['ratelimit-remaining']).toBe('4');
    expect(headers?.['ratelimit-reset']).toBe('1');
    const emails = server.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      id: data?.id,
      from: letter.from,
      to: ['ada@example.com'],
      cc: ['grace@example.com', 'Alan <alan@example.com>'],
      bcc: [],
      replyTo: ['me@example.com'],
      subject: letter.subject,
      text: letter.text,
      html: null,
      tags: [{ name: 'kind', value: 'thank-you' }],
      idempotencyKey: null,
    });
    expect(Number.isNaN(Date.parse(emails[0]?.receivedAt ?? ''))).toBe(false);
  });

  it('rejects a missing subject with 422 naming the field', async () => {
    // A plain-JS caller can omit the subject; JSON.stringify then drops the key.
    const { error } = await resend.emails.send({ ...letter, subject: undefined as unknown as string });

    expect(error).toEqual({
      statusCode: 422,
      name: 'validation_error',
      message: 'Missing `subject` field.',
    });
    expect(server.emails()).toHaveLength(0);
  });

  it('rejects header injection through a line break in an address', async () => {
    const { error } = await resend.emails.send({ ...letter, to: 'ada@example.com\r\nBcc: eve@example.com' });

    expect(error?.statusCode).toBe(422);
    expect(error?.message).toBe('Invalid `to[0]` field: must not contain line breaks');
    expect(server.emails()).toHaveLength(0);
  });

  it('rejects a body that is not JSON', async () => {
    const response = await fetch(`${server.url}/emails`, {
      method: 'POST',
      headers: { authorization: 'Bearer re_test', 'content-type': 'application/json' },
      body: '{"from":',
    });

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ statusCode: 422, name: 'validation_error' });
  });
});

describe('authentication', () => {
  it('answers 401 missing_api_key without an Authorization header', async () => {
    const response = await fetch(`${server.url}/emails`, { method: 'POST', body: JSON.stringify(letter) });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ statusCode: 401, name: 'missing_api_key' });
  });

  it('answers 401 invalid_api_key for a key that is not a Resend key', async () => {
    const impostor = new Resend('sk_live_nope', { baseUrl: server.url });
    const { data, error } = await impostor.emails.send(letter);

    expect(data).toBeNull();
    expect(error).toMatchObject({ statusCode: 401, name: 'invalid_api_key' });
    expect(server.emails()).toHaveLength(0);
    expect(server.requests()).toBe(1);
  });

  it('accepts only the configured key when one is given', async () => {
    const strict = await startResendServer({ apiKey: 're_the_one' });
    try {
      const wrong = await new Resend('re_another', { baseUrl: strict.url }).emails.send(letter);
      const right = await new Resend('re_the_one', { baseUrl: strict.url }).emails.send(letter);

      expect(wrong.error).toMatchObject({ statusCode: 401, name: 'invalid_api_key' });
      expect(right.error).toBeNull();
      expect(strict.emails()).toHaveLength(1);
    } finally {
      await strict.close();
    }
  });
});

describe('POST /emails/batch', () => {
  const second = { ...letter, to: ['grace@example.com', 'alan@example.com'], text: 'Second letter.' };

  it('records every email and returns their ids in order', async () => {
    const { data, error } = await resend.batch.send([letter, second]);

    expect(error).toBeNull();
    const emails = server.emails();
    expect(data?.data).toEqual([{ id: emails[0]?.id }, { id: emails[1]?.id }]);
    expect(emails.map((email) => email.to)).toEqual([
      ['ada@example.com'],
      ['grace@example.com', 'alan@example.com'],
    ]);
  });

  it('rejects the whole batch in strict mode when one email is invalid', async () => {
    const { error } = await resend.batch.send([letter, { ...second, to: 'not-an-address' }]);

    expect(error?.statusCode).toBe(422);
    expect(error?.message).toMatch(/^emails\[1\]: Invalid `to\[0\]` field/);
    expect(server.emails()).toHaveLength(0);
  });

  it('keeps the valid emails in permissive mode and reports the others', async () => {
    const { data, error } = await resend.batch.send([{ ...second, to: 'nope' }, letter], {
      batchValidation: 'permissive',
    });

    expect(error).toBeNull();
    expect(data?.data).toEqual([{ id: server.emails()[0]?.id }]);
    expect(data?.errors.map((failure) => failure.index)).toEqual([0]);
  });
});

describe('idempotency', () => {
  it('replays the first response for the same key and body without recording twice', async () => {
    const first = await resend.emails.send(letter, { idempotencyKey: 'thank-you/42' });
    const again = await resend.emails.send(letter, { idempotencyKey: 'thank-you/42' });

    expect(first.data?.id).toMatch(UUID);
    expect(again.data?.id).toBe(first.data?.id);
    expect(server.emails()).toHaveLength(1);
    expect(server.emails()[0]?.idempotencyKey).toBe('thank-you/42');
    expect(server.requests()).toBe(2);
  });

  it('refuses the same key with a different body', async () => {
    await resend.emails.send(letter, { idempotencyKey: 'thank-you/43' });
    const { error } = await resend.emails.send(
      { ...letter, subject: 'Something else' },
      { idempotencyKey: 'thank-you/43' },
    );

    expect(error).toMatchObject({ statusCode: 409, name: 'invalid_idempotent_request' });
    expect(server.emails()).toHaveLength(1);
  });

  it('rejects a key longer than 256 characters', async () => {
    const { error } = await resend.emails.send(letter, { idempotencyKey: 'k'.repeat(257) });

    expect(error).toMatchObject({ statusCode: 400, name: 'invalid_idempotency_key' });
  });
});
