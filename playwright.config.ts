import { defineConfig, devices } from '@playwright/test';

import { appUrl, inboundDomain, mailServerUrl, webhookSecret } from './e2e/helpers/urls';

// Run through scripts/e2e.ts, which builds the app, makes a fresh database
// (E2E_DATABASE_URL) and finds a browser (CHROMIUM_PATH).

const chromiumPath = process.env.CHROMIUM_PATH;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: appUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium where there is one (browsers cannot be downloaded
      // on every machine); Playwright's own browser otherwise.
      executablePath: chromiumPath || undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      command: 'npx tsx tests/resend-server/cli.ts',
      url: `${mailServerUrl}/health`,
      env: { RESEND_TEST_PORT: new URL(mailServerUrl).port },
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `npx next start -p ${new URL(appUrl).port}`,
      url: `${appUrl}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
        APP_URL: appUrl,
        AUTH_SECRET: 'e2e-secret-that-is-long-enough-for-auth-js-0123456789',
        RESEND_API_KEY: 're_e2e_test',
        RESEND_BASE_URL: mailServerUrl,
        MAIL_FROM: 'letters@afterword.test',
        RESEND_WEBHOOK_SECRET: webhookSecret,
        INBOUND_DOMAIN: inboundDomain,
      },
    },
  ],
});
