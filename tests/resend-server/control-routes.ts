import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { parseJson } from './email-schema';
import { faultRequestSchema } from './faults';
import { readBody, resendError, sendError, sendJson, sendText } from './http-helpers';
import { receive, receiveRequestSchema } from './receiving-routes';
import type { ServerState } from './server-state';
import { signingOptionsSchema, signWebhook } from './webhook-signing';

const signRequestSchema = signingOptionsSchema.extend({ payload: z.unknown() });

async function readJson<T>(
  req: IncomingMessage,
  res: ServerResponse,
  schema: z.ZodType<T>,
): Promise<T | undefined> {
  const json = parseJson(await readBody(req));
  const result = json.ok ? schema.safeParse(json.value) : null;
  if (result?.success) return result.data;
  const message = result ? z.prettifyError(result.error) : 'Invalid JSON in request body.';
  sendError(res, resendError(400, 'validation_error', message));
  return undefined;
}

/**
 * The test-only surface Playwright drives from another process. It has no auth
 * because the server only ever listens on loopback.
 * Returns false when the path is not a control route.
 */
export async function handleControl(
  state: ServerState,
  method: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const route = `${method} ${path}`;
  switch (route) {
    case 'GET /health':
      sendText(res, 200, 'ok');
      return true;
    case 'GET /_test/emails':
      sendJson(res, 200, { emails: state.emails() });
      return true;
    case 'DELETE /_test/emails':
      state.reset();
      sendJson(res, 200, { ok: true });
      return true;
    case 'POST /_test/faults': {
      const request = await readJson(req, res, faultRequestSchema);
      if (!request) return true;
      state.faults.add(request.fault, request.times ?? 1);
      sendJson(res, 200, { pending: state.faults.pending() });
      return true;
    }
    case 'POST /_test/webhooks/sign': {
      const request = await readJson(req, res, signRequestSchema);
      if (!request) return true;
      // Zod types an unknown key as optional although parsing demands it.
      sendJson(res, 200, signWebhook({ ...request, payload: request.payload }));
      return true;
    }
    case 'GET /_test/receiving':
      sendJson(res, 200, { emails: state.inboundEmails() });
      return true;
    case 'POST /_test/receiving': {
      const request = await readJson(req, res, receiveRequestSchema);
      if (!request) return true;
      try {
        sendJson(res, 200, await receive(state, request));
      } catch (error) {
        // The app was down or too slow: a test wants to hear that, not a 500 from us.
        const message = `Delivering the webhook failed: ${error instanceof Error ? error.message : String(error)}`;
        sendError(res, resendError(502, 'webhook_delivery_failed', message));
      }
      return true;
    }
    default:
      return false;
  }
}
