import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Resend's error body; the SDK hands it back verbatim as `error`. */
export type ResendError = { statusCode: number; name: string; message: string };

export function resendError(statusCode: number, name: string, message: string): ResendError {
  return { statusCode, name, message };
}

const DEFAULT_ERRORS: Record<number, { name: string; message: string }> = {
  400: { name: 'validation_error', message: 'We found an error with one or more fields in the request.' },
  401: { name: 'missing_api_key', message: 'Missing API key in the authorization header.' },
  403: { name: 'invalid_api_key', message: 'API key is invalid.' },
  404: { name: 'not_found', message: 'The requested endpoint does not exist.' },
  405: { name: 'method_not_allowed', message: 'Method is not allowed for the requested path.' },
  409: {
    name: 'concurrent_idempotent_requests',
    message: 'Same idempotency key used while original request is still in progress.',
  },
  422: { name: 'validation_error', message: 'We found an error with one or more fields in the request.' },
  429: {
    name: 'rate_limit_exceeded',
    message: 'Too many requests. You can only make 5 requests per second.',
  },
  500: {
    name: 'internal_server_error',
    message: 'An unexpected error occurred, please try again later.',
  },
};

/** The error body Resend would send for a bare status, so faults only need a number. */
export function defaultErrorFor(status: number): ResendError {
  const known = DEFAULT_ERRORS[status];
  if (known) return resendError(status, known.name, known.message);
  const name = status >= 500 ? 'internal_server_error' : 'application_error';
  return resendError(status, name, `Simulated error with status ${status}.`);
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

export function sendError(
  res: ServerResponse,
  error: ResendError,
  headers: OutgoingHttpHeaders = {},
): void {
  sendJson(res, error.statusCode, error, headers);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
