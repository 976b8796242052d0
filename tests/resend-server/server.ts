import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control-routes';
import type { ReceivedEmail } from './email-schema';
import { handleSend, type SendPath } from './email-routes';
import type { Fault } from './faults';
import { defaultErrorFor, sendError } from './http-helpers';
import type { InboundEmail } from './inbound-email';
import {
  handleReceivingGet,
  receive,
  receiveRequestSchema,
  type ReceiveRequest,
  type ReceiveResult,
} from './receiving-routes';
import { type RateLimitedRequest, ServerState } from './server-state';

export type { ReceivedEmail } from './email-schema';
export type { Fault, FaultRoute } from './faults';
export type { InboundEmail, InboundEmailInput } from './inbound-email';
export type { ReceiveRequest, ReceiveResult } from './receiving-routes';
export type { RateLimitedRequest } from './server-state';

export type ResendServerOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** When set, only this key is accepted; otherwise any `re_...` key is. */
  apiKey?: string;
  /**
   * When set, Resend's rate limit is enforced: sends beyond this many in any
   * one second, per API key, are answered 429 `rate_limit_exceeded` with
   * retry-after. Unset, nothing is limited (tests inject 429s instead).
   */
  ratePerSecond?: number;
};

export type ResendTestServer = {
  url: string;
  port: number;
  /** What the app sent. */
  emails(): ReceivedEmail[];
  /** What arrived at a receiving domain, via receive() or POST /_test/receiving. */
  inbound(): InboundEmail[];
  /** An email arrives: stored for GET /emails/receiving/:id, its webhook signed or delivered on request. */
  receive(request: ReceiveRequest): Promise<ReceiveResult>;
  /** Forgets sent and inbound emails, idempotency keys, faults and the request count. */
  reset(): void;
  failNext(fault: Fault, times?: number): void;
  requests(): number;
  /** The sends `ratePerSecond` turned away with a 429, in order. */
  rateLimited(): RateLimitedRequest[];
  /** Every API call the app made, as `METHOD /path`. */
  calls(): string[];
  close(): Promise<void>;
};

const SEND_PATHS: readonly string[] = ['/emails', '/emails/batch'] satisfies SendPath[];

function isSendPath(path: string): path is SendPath {
  return SEND_PATHS.includes(path);
}

const RECEIVING_PATH = /^\/emails\/receiving\/([^/]+)$/;

async function route(state: ServerState, req: IncomingMessage, res: ServerResponse) {
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';

  if (await handleControl(state, method, path, req, res)) return;
  state.calls.push(`${method} ${path}`);
  if (isSendPath(path)) {
    if (method === 'POST') return handleSend(state, path, req, res);
    return sendError(res, defaultErrorFor(405), { allow: 'POST' });
  }
  const receivingId = RECEIVING_PATH.exec(path)?.[1];
  if (receivingId !== undefined) {
    if (method === 'GET') return handleReceivingGet(state, receivingId, req, res);
    return sendError(res, defaultErrorFor(405), { allow: 'GET' });
  }
  sendError(res, defaultErrorFor(404));
}

/** Starts a Resend look-alike on loopback; point the SDK at `url` via `baseUrl` or RESEND_BASE_URL. */
export function startResendServer(options: ResendServerOptions = {}): Promise<ResendTestServer> {
  const state = new ServerState(options.apiKey, options.ratePerSecond);
  const server = createServer((req, res) => {
    route(state, req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      const message = error instanceof Error ? error.message : String(error);
      sendError(res, { ...defaultErrorFor(500), message: `Test server failure: ${message}` });
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      const { address, port } = server.address() as AddressInfo;
      const host = address.includes(':') ? `[${address}]` : address;
      resolve({
        url: `http://${host}:${port}`,
        port,
        emails: () => state.emails(),
        inbound: () => state.inboundEmails(),
        receive: (request) => receive(state, receiveRequestSchema.parse(request)),
        reset: () => state.reset(),
        failNext: (fault, times = 1) => state.faults.add(fault, times),
        requests: () => state.requests(),
        rateLimited: () => state.rateLimited(),
        calls: () => [...state.calls],
        close: () =>
          new Promise<void>((done, fail) => {
            // Hanging requests and idle keep-alive sockets would otherwise keep
            // close() waiting, and the test run with it.
            state.releaseHeld();
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
