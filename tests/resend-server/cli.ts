import { startResendServer } from './server';

const DEFAULT_PORT = 3101;

function portFromEnv(): number {
  const raw = process.env.RESEND_TEST_PORT;
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`RESEND_TEST_PORT must be a port number, got "${raw}"`);
  }
  return port;
}

// No top-level await: tsx runs this file as CommonJS (the package has no "type": "module").
async function main(): Promise<void> {
  const server = await startResendServer({ port: portFromEnv(), host: '127.0.0.1' });
  // Playwright's webServer and scripts wait for this exact line.
  console.log(`resend test server listening on ${server.url}`);

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
