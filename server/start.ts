import { getDatabase } from '@/db';
import { DatabaseInUseError } from '@/db/lock';
import { migrateDatabase } from '@/db/migrate';
import { env, EnvError } from '@/env';
import { errorFrames, errorReason } from '@/lib/error-reason';
import { isDatabaseUnreachable } from '@/lib/errors';
import { UNSUBSCRIBE_KEY_PURPOSE } from '@/lib/digest/unsubscribe';
import { startLetterQueueForSending, startLetterWorker } from '@/server/queue/worker';
import { derivedKey } from '@/server/security/secret';

const state = globalThis as unknown as { __afterwordStarted?: boolean };

/** Whether this process has finished starting (migrated, and its queue running if it runs one): readiness. */
export const hasStarted = () => state.__afterwordStarted === true;

/**
 * Start-up: check the environment, take the database (and on PGlite its
 * lock), apply migrations (once, whichever instance gets there first) and
 * start the queue. A web process (`npm start`) runs the queue too unless
 * RUN_WORKER=0; a worker (`npm run worker`) always does. Any failure stops
 * the process with a message that says what to fix, rather than failing
 * request by request.
 */
export async function startServer(role: 'web' | 'worker') {
  try {
    const config = env();
    const handle = getDatabase();
    const started = Date.now();
    await migrateDatabase(handle);
    // The queue lives in the same database; it resumes whatever was queued before a restart.
    const runsQueue = role === 'worker' || config.RUN_WORKER !== '0';
    // The digest's links are signed with a key derived from AUTH_SECRET, handed to the queue that sends it.
    if (runsQueue) await startLetterWorker({ unsubscribeKey: () => derivedKey(UNSUBSCRIBE_KEY_PURPOSE) });
    // Without it, the queue only to send wake-ups: a scheduled letter leaves at its time, not at a worker's next sweep.
    else await startLetterQueueForSending();
    state.__afterwordStarted = true;
    console.info(
      `[afterword] ${role}${runsQueue ? ' with the queue' : ', the queue runs elsewhere (this one sends its wake-ups)'}: ${handle.kind} database ready in ${
        Date.now() - started
      } ms; mail goes to ${config.mailMode === 'resend' ? 'Resend' : `the local outbox at ${config.appUrl}/outbox`}`,
    );
  } catch (error) {
    if (error instanceof EnvError || error instanceof DatabaseInUseError) {
      console.error(`\n[afterword] cannot start. ${error.message}\n`);
    } else if (isDatabaseUnreachable(error)) {
      console.error(`\n[afterword] cannot start: the database at DATABASE_URL cannot be reached (${errorReason(error)}).\n`);
    } else {
      const frames = errorFrames(error).map((frame) => `\n    ${frame}`);
      console.error(`\n[afterword] cannot start: ${errorReason(error)}${frames.join('')}\n`);
    }
    process.exit(1);
  }
}
