import { describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/webhooks/resend/route';
import { resetEnv } from '@/env';
import { MAX_EVENT_BYTES } from '@/lib/letters/resend-event';
import { signWebhook } from '../resend-server/webhook-signing';
import { useWebhookSecret, webhookRequest } from '../letters/webhook-support';

const secret = useWebhookSecret();
const CHUNK = 64 * 1024;
const URL = 'http://localhost:3000/api/webhooks/resend';
const SIGNATURE_HEADERS = { 'svix-id': 'msg_1', 'svix-timestamp': String(Math.floor(Date.now() / 1000)), 'svix-signature': 'v1,AAAA' };

/** A body sent in chunks with no length declared, counting how much of it the route pulled. */
function chunkedBody(total: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
      pulled += CHUNK;
    },
  });
  return { stream, pulled: () => pulled };
}

function streamed(stream: ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return new Request(URL, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
}

/** A signed event of exactly `size` bytes, of a type Afterword ignores, so it needs no database. */
function signedEventOf(size: number) {
  const shell = JSON.stringify({ type: 'contact.created', data: { padding: '' } });
  return signWebhook({ payload: JSON.stringify({ type: 'contact.created', data: { padding: 'x'.repeat(size - shell.length) } }), secret: secret() });
}

describe('POST /api/webhooks/resend: what it refuses before reading', () => {
  it(`refuses a body declaring more than ${MAX_EVENT_BYTES / 1024} KB with 413, before anything else, without reading it`, async () => {
    vi.stubEnv('RESEND_WEBHOOK_SECRET', '');
    resetEnv();
    const request = streamed(chunkedBody(4 * 1024 * 1024).stream, { 'content-length': String(MAX_EVENT_BYTES + 1) });

    const response = await POST(request);

    expect(response.status).toBe(413);
    expect(request.bodyUsed).toBe(false);
  });

  it('refuses a delivery without all three signature headers, without reading its body', async () => {
    for (const left of Object.keys(SIGNATURE_HEADERS)) {
      const headers = Object.fromEntries(Object.entries(SIGNATURE_HEADERS).filter(([name]) => name !== left));
      const request = streamed(chunkedBody(CHUNK).stream, headers);

      const response = await POST(request);

      expect(response.status, `without ${left}`).toBe(400);
      expect(request.bodyUsed, `without ${left}`).toBe(false);
    }
  });

  it(`cuts a body sent in chunks, with no length, off where it passes ${MAX_EVENT_BYTES / 1024} KB`, async () => {
    const body = chunkedBody(4 * 1024 * 1024);

    const response = await POST(streamed(body.stream, SIGNATURE_HEADERS));

    expect(response.status).toBe(413);
    // The stream may hold a chunk or two ready ahead of the reader.
    expect(body.pulled()).toBeLessThanOrEqual(MAX_EVENT_BYTES + 2 * CHUNK);
  });
});

describe('POST /api/webhooks/resend: the limit itself', () => {
  it('reads and verifies a signed event of exactly the limit, and refuses one a byte longer', async () => {
    const atLimit = signedEventOf(MAX_EVENT_BYTES);
    expect(Buffer.byteLength(atLimit.body)).toBe(MAX_EVENT_BYTES);
    const read = await POST(webhookRequest(atLimit.body, atLimit.headers));
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ ok: true, outcome: 'ignored' });

    const over = signedEventOf(MAX_EVENT_BYTES + 1);
    const refused = await POST(webhookRequest(over.body, over.headers));
    expect(refused.status).toBe(413);
  });
});
