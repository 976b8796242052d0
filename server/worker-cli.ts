import { stopLetterWorker } from './queue/worker';
import { startServer } from './start';

/**
 * `npm run worker`: the queue on its own, with no pages: sending and its
 * retries, reading replies, the follow-up plans, the digest and
 * housekeeping. Any number may run beside any number of `npm start`
 * processes on one database; each stops cleanly on SIGTERM, leaving what it
 * held to the others (a letter's hold runs out within seconds).
 */
async function main() {
  await startServer('worker');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.info(`[afterword] worker stopping (${signal})`);
      void stopLetterWorker().finally(() => process.exit(0));
    });
  }
}

void main();
