import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiKeyOf, checkAuth, sendStatusFault } from './api-guard';
import {
  parseJson,
  toReceivedEmail,
  validateBatch,
  validateEmail,
  type ParseResult,
  type ValidEmail,
} from './email-schema';
import { headerValue, readBody, resendError, sendError, sendJson } from './http-helpers';
import { fingerprint, MAX_IDEMPOTENCY_KEY_LENGTH } from './idempotency-store';
import type { ServerState } from './server-state';

export type SendPath = '/emails' | '/emails/batch';

type Accepted = { emails: ValidEmail[]; body: (ids: string[]) => unknown };

function parseSend(path: SendPath, rawBody: string, req: IncomingMessage): ParseResult<Accepted> {
  const json = parseJson(rawBody);
  if (!json.ok) return json;
  if (path === '/emails') {
    const email = validateEmail(json.value);
    if (!email.ok) return email;
    return { ok: true, value: { emails: [email.value], body: ([id]) => ({ id }) } };
  }
  const mode = headerValue(req, 'x-batch-validation') === 'permissive' ? 'permissive' : 'strict';
  const batch = validateBatch(json.value, mode);
  if (!batch.ok) return batch;
  const errors = batch.errors;
  const body = (ids: string[]) => ({
    data: ids.map((id) => ({ id })),
    ...(mode === 'permissive' ? { errors } : {}),
  });
  return { ok: true, value: { emails: batch.emails, body } };
}

/**
 * The order mirrors what a client can observe from Resend: auth first, then an
 * injected fault (as if the failure happened before Resend looked at the body),
 * then idempotency, then validation.
 */
export async function handleSend(
  state: ServerState,
  path: SendPath,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  state.countPost();
  const rawBody = await readBody(req);

  const authError = checkAuth(req, state.apiKey);
  if (authError) return sendError(res, authError);
  const apiKey = apiKeyOf(req)!;
  const key = headerValue(req, 'idempotency-key') ?? null;

  // The account's limit comes before anything else Resend does with a request.
  const admitted = state.admit(apiKey, key);
  if (!admitted.ok) {
    const limit = String(state.ratePerSecond);
    return sendError(res, resendError(429, 'rate_limit_exceeded', `Too many requests. You can only make ${limit} requests per second.`), {
      ...state.rateLimitHeaders(apiKey),
      'retry-after': String(admitted.retryAfterSeconds),
    });
  }

  const fault = state.faults.take('send');
  if (fault?.kind === 'status') return sendStatusFault(state, res, fault, apiKey);

  if (key !== null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
    return sendError(
      res,
      resendError(400, 'invalid_idempotency_key', 'The key must be between 1-256 chars.'),
    );
  }
  if (key !== null) {
    const claim = state.idempotency.claim(key, fingerprint(path, rawBody));
    if (claim.kind === 'replay') {
      return sendJson(res, claim.status, claim.body, state.rateLimitHeaders(apiKey));
    }
    if (claim.kind === 'mismatch') {
      const message = 'Same idempotency key used with a different request payload.';
      return sendError(res, resendError(409, 'invalid_idempotent_request', message));
    }
    if (claim.kind === 'in-flight') {
      const message = 'Same idempotency key used while original request is still in progress.';
      return sendError(res, resendError(409, 'concurrent_idempotent_requests', message));
    }
  }

  // The key stays claimed: to Resend the original request is still running.
  if (fault?.kind === 'hang') return state.hold(res);

  const parsed = parseSend(path, rawBody, req);
  if (!parsed.ok) {
    if (key !== null) state.idempotency.release(key);
    return sendError(res, resendError(422, 'validation_error', parsed.message));
  }

  const received = parsed.value.emails.map((email) => toReceivedEmail(email, randomUUID(), key));
  state.record(received);
  const body = parsed.value.body(received.map((email) => email.id));
  if (key !== null) state.idempotency.complete(key, 200, body);

  if (fault?.kind === 'hang-after-accept') return state.hold(res);
  sendJson(res, 200, body, state.rateLimitHeaders(apiKey));
}
