import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';

export type SignWebhookInput = {
  /** Serialised with JSON.stringify; a string is used verbatim as the body. */
  payload: unknown;
  /** `whsec_<base64>`, as shown in the Resend dashboard. */
  secret: string;
  msgId?: string;
  /** Unix seconds; defaults to now. Verification rejects anything over 5 minutes off. */
  timestamp?: number;
};

export type SignedWebhook = {
  body: string;
  headers: { 'svix-id': string; 'svix-timestamp': string; 'svix-signature': string };
};

/** The signing options of SignWebhookInput, for control routes that take them. */
export const signingOptionsSchema = z.object({
  secret: z.string().startsWith('whsec_'),
  msgId: z.string().min(1).optional(),
  timestamp: z.number().int().optional(),
});

/** A fresh secret in the format Resend hands out for a webhook endpoint. */
export function makeWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/**
 * Produces the body and headers Resend (through Svix) would POST to a webhook
 * endpoint. Signing goes through the same library Resend's SDK verifies with,
 * so a test cannot pass because of a mistake in a hand-written HMAC.
 */
export function signWebhook({ payload, secret, msgId, timestamp }: SignWebhookInput): SignedWebhook {
  // JSON.stringify returns undefined (despite its type) for undefined or functions.
  const body: string | undefined = typeof payload === 'string' ? payload : JSON.stringify(payload);
  if (body === undefined) throw new TypeError('Webhook payload must be JSON-serialisable.');
  const id = msgId ?? `msg_${randomBytes(18).toString('base64url')}`;
  const seconds = timestamp ?? Math.floor(Date.now() / 1000);
  const signature = new Webhook(secret).sign(id, new Date(seconds * 1000), body);
  return {
    body,
    headers: {
      'svix-id': id,
      'svix-timestamp': String(seconds),
      'svix-signature': signature,
    },
  };
}
