import { getDatabase } from '@/db';
import { DatabaseInUseError } from '@/db/lock';
import { migrateDatabase } from '@/db/migrate';
import { env, EnvError } from '@/env';
import { errorFrames, errorReason } from '@/lib/error-reason';
import { isDatabaseUnreachable } from '@/lib/errors';
import { startLetterWorker, type WorkerOptions } from '@/server/queue/worker';

/**
 * Server start-up: check the environment, take the database (and on PGlite
 * its lock), apply migrations and start the letter queue. Any failure stops the server with a
 * message that says what to fix, rather than failing request by request.
 */
export async function startServer(options: WorkerOptions = {}) {
  try {
    const config = env();
    const handle = getDatabase();
    const started = Date.now();
    await migrateDatabase(handle);
    // The letter queue lives in the same database; it resumes whatever was queued before a restart.
    await startLetterWorker(options);
    console.info(
      `[afterword] ${handle.kind} database ready in ${Date.now() - started} ms; mail goes to ${
        config.mailMode === 'resend' ? 'Resend' : `the local outbox at ${config.appUrl}/outbox`
      }`,
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
