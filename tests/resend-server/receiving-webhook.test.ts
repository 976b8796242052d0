import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Resend } from 'resend';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postWebhook, receiveEmail, type InboundEmailInput } from './client';
import { readBody } from './http-helpers';
import { startResendServer, type ResendTestServer } from './server';
import { makeWebhookSecret } from './webhook-signing';

const reply: InboundEmailInput = {
  from: 'Ada Lovelace <ada@example.com>',
  to: ['reply+42@letters.afterword.test'],
  subject: 'Re: Thank you for your time',
  text: 'Lovely to hear from you.',
  message_id: '<CAF-reply-1@mail.example.com>',
  attachments: [
    { filename: 'logo.png', content_type: 'image/png', size: 512, content_id: 'logo', content_disposition: 'inline' },
  ],
};

type Hit = { headers: IncomingHttpHeaders; body: string };

let server: ResendTestServer;
let app: Server;
let appUrl: string;
let hits: Hit[];
const secret = makeWebhookSecret();

// Standard Webhooks names the headers webhook-*; Svix (and so Resend) sends svix-*.
function verify({ headers, body }: Hit): unknown {
  return new Webhook(secret).verify(body, {
    'webhook-id': String(headers['svix-id']),
    'webhook-timestamp': String(headers['svix-timestamp']),
    'webhook-signature': String(headers['svix-signature']),
  });
}

// A stand-in for the app's webhook route: verify, then fetch the body, as Resend's docs say.
async function startApp(resend: Resend): Promise<Server> {
  const handler = createServer((req, res) => {
    void (async () => {
      const hit = { headers: req.headers, body: await readBody(req) };
      hits.push(hit);
      const event = verify(hit) as { data: { email_id: string } };
      const { data, error } = await resend.emails.receiving.get(event.data.email_id);
      res.writeHead(error ? 502 : 200, { 'content-type': 'text/plain' });
      res.end(data?.text ?? error?.message);
    })().catch((error: unknown) => {
      res.writeHead(400);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => handler.listen(0, '127.0.0.1', resolve));
  return handler;
}

beforeAll(async () => {
  server = await startResendServer();
  app = await startApp(new Resend('re_test', { baseUrl: server.url }));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/webhooks/resend`;
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => app.close(resolve));
});
beforeEach(() => {
  server.reset();
  hits = [];
});

describe('POST /_test/receiving with deliver', () => {
  it('posts a signed email.received event the app can verify, then fetch the body for', async () => {
    const { id, event, signed, delivery } = await receiveEmail(server.url, reply, {
      deliver: { url: appUrl, secret, msgId: 'msg_reply_1' },
    });

    expect(delivery).toEqual({ status: 200, body: 'Lovely to hear from you.' });
    expect(hits).toHaveLength(1);
    expect(hits[0]?.headers['content-type']).toBe('application/json');
    expect(hits[0]?.headers['svix-id']).toBe('msg_reply_1');
    expect(hits[0]?.body).toBe(signed?.body);
    expect(verify(hits[0] as Hit)).toEqual(event);

    const [stored] = server.inbound();
    expect(event).toEqual({
      type: 'email.received',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      data: {
        email_id: id,
        created_at: stored?.created_at,
        from: 'Ada Lovelace <ada@example.com>',
        to: ['reply+42@letters.afterword.test'],
        bcc: [],
        cc: [],
        received_for: ['reply+42@letters.afterword.test'],
        message_id: '<CAF-reply-1@mail.example.com>',
        subject: 'Re: Thank you for your time',
        attachments: [
          {
            id: stored?.attachments[0]?.id,
            filename: 'logo.png',
            content_type: 'image/png',
            content_disposition: 'inline',
            content_id: 'logo',
          },
        ],
      },
    });
  });

  it('hands back what the app answered, a failing fetch included', async () => {
    server.failNext({ kind: 'status', status: 500, route: 'receiving' });

    const { delivery } = await receiveEmail(server.url, reply, { deliver: { url: appUrl, secret } });

    expect(delivery).toEqual({
      status: 502,
      body: 'An unexpected error occurred, please try again later.',
    });
  });

  it('a Svix retry posts the same signed webhook again', async () => {
    const { signed } = await receiveEmail(server.url, reply, { deliver: { url: appUrl, secret } });
    if (!signed) throw new Error('deliver should sign');

    const retry = await postWebhook(appUrl, signed);

    expect(retry.status).toBe(200);
    expect(hits.map((hit) => hit.headers['svix-id'])).toEqual([
      signed.headers['svix-id'],
      signed.headers['svix-id'],
    ]);
  });

  it('answers 502 when the app cannot be reached, keeping the email', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise((resolve) => closed.close(resolve));

    await expect(receiveEmail(server.url, reply, { deliver: { url: deadUrl, secret } })).rejects.toThrow(
      /failed with 502: .*webhook_delivery_failed/,
    );
    expect(server.inbound()).toHaveLength(1);
  });
});

describe('POST /_test/receiving with sign', () => {
  it('signs without posting, and the SDK verifies what it signed', async () => {
    const { event, signed, delivery } = await receiveEmail(server.url, reply, {
      sign: { secret, msgId: 'msg_sign_only' },
    });

    expect(delivery).toBeUndefined();
    expect(hits).toEqual([]);
    const headers = {
      id: signed?.headers['svix-id'] ?? '',
      timestamp: signed?.headers['svix-timestamp'] ?? '',
      signature: signed?.headers['svix-signature'] ?? '',
    };
    const verified = new Resend('re_x').webhooks.verify({ payload: signed?.body ?? '', headers, webhookSecret: secret });
    expect(verified).toEqual(event);
    expect(headers.id).toBe('msg_sign_only');
  });
});
