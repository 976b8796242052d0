import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { resetEnv } from '@/env';
import { startResendServer, type ResendTestServer } from '../resend-server/server';

export const TEST_MAIL_FROM = 'letters@afterword.test';

/** No RESEND_API_KEY: mail lands in the outbox_messages table. */
export function useOutboxMode() {
  // Empty counts as unset in env.ts, and overrides a key the shell may export.
  vi.stubEnv('RESEND_API_KEY', '');
  vi.stubEnv('MAIL_FROM', '');
  resetEnv();
}

/** Mail goes through the Resend SDK to the test server at `url`. */
export function useResendMode(url: string) {
  vi.stubEnv('RESEND_API_KEY', 're_test');
  vi.stubEnv('RESEND_BASE_URL', url);
  vi.stubEnv('MAIL_FROM', TEST_MAIL_FROM);
  resetEnv();
}

export function restoreEnv() {
  vi.unstubAllEnvs();
  resetEnv();
}

/**
 * A Resend-compatible test server for the enclosing describe block: started
 * once, emptied and made the mail destination before each test, closed after.
 */
export function useResendTestServer(): { readonly server: ResendTestServer } {
  const holder = {} as { server: ResendTestServer };
  beforeAll(async () => {
    holder.server = await startResendServer();
  });
  beforeEach(() => {
    holder.server.reset();
    useResendMode(holder.server.url);
  });
  afterAll(async () => {
    await holder.server.close();
  });
  return holder;
}
