import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault } from './faults';
import { defaultErrorFor, headerValue, resendError, sendError, type ResendError } from './http-helpers';
import type { ServerState } from './server-state';

// What every API route (as opposed to the /_test control routes) checks first.

/** The API key a request names, if any. */
export function apiKeyOf(req: IncomingMessage): string | undefined {
  return headerValue(req, 'authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
}

export function checkAuth(req: IncomingMessage, expectedKey: string | undefined): ResendError | null {
  const key = apiKeyOf(req);
  if (!key) {
    return resendError(401, 'missing_api_key', 'Missing API key in the authorization header.');
  }
  const valid = expectedKey === undefined ? key.startsWith('re_') : key === expectedKey;
  return valid ? null : resendError(401, 'invalid_api_key', 'API key is invalid.');
}

/** Answers an injected status fault the way Resend would, rate-limit headers included. */
export function sendStatusFault(
  state: ServerState,
  res: ServerResponse,
  fault: Extract<Fault, { kind: 'status' }>,
  apiKey?: string,
): void {
  const headers = state.rateLimitHeaders(apiKey);
  if (fault.status === 429) {
    if (fault.retryAfter !== null) headers['retry-after'] = String(fault.retryAfter ?? 1);
    headers['ratelimit-remaining'] = '0';
  }
  const fallback = defaultErrorFor(fault.status);
  const error = resendError(fault.status, fault.name ?? fallback.name, fault.message ?? fallback.message);
  sendError(res, error, headers);
}
