import { Resend } from 'resend';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { injectFault, listInboundEmails, receiveEmail, resetServer } from './client';
import { startResendServer, type InboundEmailInput, type ResendTestServer } from './server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const reply: InboundEmailInput = {
  from: 'Ada Lovelace <ada@example.com>',
  to: ['reply+42@letters.afterword.test'],
  cc: ['grace@example.com'],
  subject: 'Re: Thank you for your time',
  text: 'Lovely to hear from you.',
  html: '<p>Lovely to hear from you.</p>',
  headers: { 'in-reply-to': '<thanks-42@afterword.test>' },
  message_id: '<CAF-reply-1@mail.example.com>',
  attachments: [{ filename: 'notes.pdf', content_type: 'application/pdf', size: 2048 }],
};

let server: ResendTestServer;
let resend: Resend;

beforeAll(async () => {
  server = await startResendServer();
  resend = new Resend('re_test', { baseUrl: server.url });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('GET /emails/receiving/:id', () => {
  it('answers the stored email in the shape the SDK types', async () => {
    const { id } = await server.receive({ email: reply });

    const { data, error } = await resend.emails.receiving.get(id);

    expect(error).toBeNull();
    const attachmentId = server.inbound()[0]?.attachments[0]?.id;
    expect(attachmentId).toMatch(UUID);
    expect(data).toEqual({
      object: 'email',
      id,
      to: ['reply+42@letters.afterword.test'],
      from: 'Ada Lovelace <ada@example.com>',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/),
      subject: 'Re: Thank you for your time',
      bcc: [],
      cc: ['grace@example.com'],
      reply_to: [],
      received_for: ['reply+42@letters.afterword.test'],
      html: '<p>Lovely to hear from you.</p>',
      text: 'Lovely to hear from you.',
      headers: { 'in-reply-to': '<thanks-42@afterword.test>' },
      message_id: '<CAF-reply-1@mail.example.com>',
      raw: null,
      attachments: [
        {
          id: attachmentId,
          filename: 'notes.pdf',
          size: 2048,
          content_type: 'application/pdf',
          content_id: null,
          content_disposition: 'attachment',
        },
      ],
    });
    expect(Math.abs(Date.parse(data?.created_at ?? '') - Date.now())).toBeLessThan(5000);
  });

  it('fills what a bare letter leaves out the way Resend would', async () => {
    const { id } = await server.receive({
      email: { from: 'ada@example.com', to: ['reply@afterword.test'], subject: 'Hi' },
    });

    const { data } = await resend.emails.receiving.get(id);

    expect(data).toMatchObject({ text: null, html: null, headers: {}, attachments: [] });
    expect(data?.message_id).toBe(`<${id}@inbound.resend.test>`);
  });

  it('answers 404 not_found for an id it never received', async () => {
    await server.receive({ email: reply });

    const { data, error } = await resend.emails.receiving.get('61cda979-919d-4b9d-9638-c148b93ff410');

    expect(data).toBeNull();
    expect(error).toEqual({ statusCode: 404, name: 'not_found', message: 'Email not found' });
  });

  it('checks the API key like the send routes', async () => {
    const { id } = await server.receive({ email: reply });

    const { error } = await new Resend('sk_nope', { baseUrl: server.url }).emails.receiving.get(id);

    expect(error).toMatchObject({ statusCode: 401, name: 'invalid_api_key' });
  });

  it('keeps inbound mail apart from sent mail', async () => {
    await server.receive({ email: reply });

    expect(server.inbound()).toHaveLength(1);
    expect(server.emails()).toEqual([]);
  });
});

describe('receiving faults', () => {
  it('answers 500 once, then the email', async () => {
    const { id } = await server.receive({ email: reply });
    server.failNext({ kind: 'status', status: 500, route: 'receiving' });

    const failed = await resend.emails.receiving.get(id);
    const retried = await resend.emails.receiving.get(id);

    expect(failed.error).toMatchObject({ statusCode: 500, name: 'internal_server_error' });
    expect(retried.error).toBeNull();
    expect(retried.data?.id).toBe(id);
  });

  it('can make a stored email answer 404', async () => {
    const { id } = await server.receive({ email: reply });
    await injectFault(server.url, { kind: 'status', status: 404, route: 'receiving' });

    const { error } = await resend.emails.receiving.get(id);

    expect(error).toMatchObject({ statusCode: 404, name: 'not_found' });
  });

  it('hang: the SDK call times out with statusCode null', async () => {
    const { id } = await server.receive({ email: reply });
    server.failNext({ kind: 'hang', route: 'receiving' });

    const { data, error } = await resend.emails.receiving.get(id, {}, { signal: AbortSignal.timeout(300) });

    expect(data).toBeNull();
    expect(error).toMatchObject({ statusCode: null, name: 'application_error' });
  });

  it('a fault without a route waits for a send and leaves receiving alone', async () => {
    const { id } = await server.receive({ email: reply });
    server.failNext({ kind: 'status', status: 503 });

    const fetched = await resend.emails.receiving.get(id);
    const sent = await resend.emails.send({
      from: 'letters@afterword.test',
      to: 'ada@example.com',
      subject: 'Thanks',
      text: 'Thanks.',
    });

    expect(fetched.error).toBeNull();
    expect(sent.error).toMatchObject({ statusCode: 503 });
  });
});

describe('inbound control API through client.ts', () => {
  it('stores, lists and forgets on reset', async () => {
    const { id, event, signed, delivery } = await receiveEmail(server.url, reply);

    expect(id).toMatch(UUID);
    expect(event.data.email_id).toBe(id);
    expect(signed).toBeUndefined();
    expect(delivery).toBeUndefined();
    expect((await listInboundEmails(server.url)).map((email) => email.id)).toEqual([id]);

    await resetServer(server.url);

    expect(await listInboundEmails(server.url)).toEqual([]);
    expect((await resend.emails.receiving.get(id)).error?.statusCode).toBe(404);
  });

  it('rejects an email without recipients, and deliver with sign together', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const post = (body: unknown) =>
      fetch(`${server.url}/_test/receiving`, { method: 'POST', body: JSON.stringify(body) });

    const noRecipients = await post({ email: { ...reply, to: [] } });
    const both = await post({ email: reply, sign: { secret }, deliver: { secret, url: 'http://127.0.0.1:9/' } });

    expect(noRecipients.status).toBe(400);
    expect(both.status).toBe(400);
    expect(await both.json()).toMatchObject({ message: expect.stringContaining('not both') });
    expect(server.inbound()).toEqual([]);
  });
});
