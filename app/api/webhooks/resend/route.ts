import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { bodyWithin, declaresMoreThan } from '@/app/api/read-body';
import { env } from '@/env';
import { errorReason } from '@/lib/error-reason';
import { isDatabaseUnreachable } from '@/lib/errors';
import { MAX_EVENT_BYTES, readResendEvent } from '@/lib/letters/resend-event';
import { readReceivedEvent } from '@/lib/replies/received-email';
import { recordResendEvent } from '@/server/letters/record-resend-event';
import { receiveEmail } from '@/server/replies/read-received-email';

export const dynamic = 'force-dynamic';

const refuse = (status: number, error: string) => Response.json({ ok: false, error }, { status });
const tooLarge = `The body is larger than ${MAX_EVENT_BYTES / 1024} KB; no Resend event is.`;

/**
 * Resend's delivery outcomes (sent, delivered, bounced, …) and the emails
 * it received for INBOUND_DOMAIN (`email.received`), signed through Svix. Cheap refusals come first: a body declared too large, then a
 * delivery without the signature headers, both before a byte of the body is
 * read; a body sent in chunks is cut off where it passes the limit. The raw
 * body is verified before anything is parsed; the library refuses
 * timestamps more than 5 minutes off, which with the stored svix-id stops
 * replays. No session here: the proxy never matches /api.
 *
 * Answers: 413 for a body over the limit, 503 when not configured or the
 * database is down (Resend retries those), 400/401 for a bad request or
 * signature (never 500), and 200 for every signed event, including ones
 * that change nothing.
 */
export async function POST(request: Request) {
  if (declaresMoreThan(request, MAX_EVENT_BYTES)) return refuse(413, tooLarge);
  const id = request.headers.get('svix-id');
  const timestamp = request.headers.get('svix-timestamp');
  const signature = request.headers.get('svix-signature');
  if (!id || !timestamp || !signature) return refuse(400, 'Missing svix-id, svix-timestamp or svix-signature.');

  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) return refuse(503, 'Resend webhooks are not set up: RESEND_WEBHOOK_SECRET is missing.');

  const bytes = await bodyWithin(request, MAX_EVENT_BYTES);
  if (!bytes) return refuse(413, tooLarge);
  const payload = new TextDecoder().decode(bytes);

  let verifier: Webhook;
  try {
    verifier = new Webhook(secret);
  } catch (error) {
    console.error('[webhooks/resend] RESEND_WEBHOOK_SECRET is unusable:', errorReason(error));
    return refuse(503, 'Resend webhooks are not set up: RESEND_WEBHOOK_SECRET is unusable.');
  }
  try {
    verifier.verify(
      payload,
      { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature },
      { jsonParse: false },
    );
  } catch (error) {
    const why = error instanceof WebhookVerificationError ? error.message : 'unreadable signature';
    return refuse(401, `Signature refused: ${why}.`);
  }

  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return refuse(400, 'The body is not JSON.');
  }
  if (isReceived(body)) {
    const received = readReceivedEvent(body.data);
    if (!received) return refuse(400, 'An email.received event must name its email.');
    return stored(id, () => receiveEmail(received));
  }
  const read = readResendEvent(body);
  if (read.kind === 'malformed') return refuse(400, 'Not a Resend event.');
  if (read.kind === 'ignored') return Response.json({ ok: true, outcome: 'ignored', reason: read.reason });
  return stored(id, () => recordResendEvent(id, read.event));
}

/** An email that came back: kept at once by its id and read by the queue, so this answers quickly. */
function isReceived(body: unknown): body is { type: 'email.received'; data: unknown } {
  return typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'email.received';
}

/** Stores what the event says; a failure is a 503, which Resend retries. */
async function stored(id: string, store: () => Promise<string>): Promise<Response> {
  try {
    return Response.json({ ok: true, outcome: await store() });
  } catch (error) {
    console.error('[webhooks/resend] could not store event', id, isDatabaseUnreachable(error) ? 'database unreachable' : errorReason(error));
    return refuse(503, 'Could not store the event; Resend will retry.');
  }
}
