import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmailReceivedEvent } from 'resend';
import { z } from 'zod';
import { checkAuth, sendStatusFault } from './api-guard';
import { resendError, sendError, sendJson } from './http-helpers';
import { inboundEmailInputSchema, receivedEvent, toInboundEmail } from './inbound-email';
import type { ServerState } from './server-state';
import { postWebhook, type Delivery } from './webhook-delivery';
import { signingOptionsSchema, signWebhook, type SignedWebhook } from './webhook-signing';

/** Body of POST /_test/receiving: an email arriving, and what to do with its webhook. */
export const receiveRequestSchema = z
  .object({
    email: inboundEmailInputSchema,
    /** Sign the `email.received` event and POST it to `url`, as Resend would. */
    deliver: signingOptionsSchema.extend({ url: z.url() }).optional(),
    /** Only sign it, for a test that posts the webhook itself. */
    sign: signingOptionsSchema.optional(),
  })
  .refine((request) => !(request.deliver && request.sign), {
    error: 'Give `deliver` or `sign`, not both: delivering signs already.',
  });

export type ReceiveRequest = z.input<typeof receiveRequestSchema>;

export type ReceiveResult = {
  /** The new inbound email's id, for GET /emails/receiving/:id. */
  id: string;
  event: EmailReceivedEvent;
  /** Present when `deliver` or `sign` was given. */
  signed?: SignedWebhook;
  /** The app's answer; present when `deliver` was given. */
  delivery?: Delivery;
};

/**
 * Stores the email before delivering, because the app's webhook handler will
 * fetch it from us while we wait for its answer. A delivery that cannot
 * connect or times out throws; the email stays stored.
 */
export async function receive(
  state: ServerState,
  request: z.output<typeof receiveRequestSchema>,
): Promise<ReceiveResult> {
  const email = toInboundEmail(request.email);
  state.storeInbound(email);
  const event = receivedEvent(email);
  const signing = request.deliver ?? request.sign;
  if (!signing) return { id: email.id, event };

  const signed = signWebhook({ ...signing, payload: event });
  if (!request.deliver) return { id: email.id, event, signed };
  const delivery = await postWebhook(request.deliver.url, signed);
  return { id: email.id, event, signed, delivery };
}

/** GET /emails/receiving/:id, checked in the same order as a send: auth, fault, then the lookup. */
export function handleReceivingGet(
  state: ServerState,
  id: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const authError = checkAuth(req, state.apiKey);
  if (authError) return sendError(res, authError);

  const fault = state.faults.take('receiving');
  if (fault?.kind === 'status') return sendStatusFault(state, res, fault);
  if (fault?.kind === 'hang') return state.hold(res);

  const email = state.inboundEmail(id);
  if (!email) return sendError(res, resendError(404, 'not_found', 'Email not found'));
  sendJson(res, 200, email);
}
