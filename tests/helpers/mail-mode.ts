import { vi } from 'vitest';
import { resetEnv } from '@/env';

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
