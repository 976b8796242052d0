import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export class DatabaseInUseError extends Error {
  constructor(dir: string) {
    super(
      `The embedded database in ${dir} is in use by another Afterword process ` +
        '(a server, seed script or migration). Stop that process first, or set DATABASE_URL ' +
        'to use a PostgreSQL server instead. (If that process crashed, the lock frees itself within two minutes.)',
    );
    this.name = 'DatabaseInUseError';
  }
}

/**
 * PGlite takes no lock of its own, and two processes writing one folder
 * silently lose data. So whoever opens the folder holds a lock file on it for
 * the rest of its life; proper-lockfile keeps it fresh and frees it on exit,
 * and treats the lock of a process that died as stale.
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  try {
    return lockfile.lockSync(dir, {
      lockfilePath: path.join(dir, 'afterword.lock'),
      // Generous: a busy PGlite can block the event loop for many seconds, and
      // a lock judged stale while its owner lives would let a second process in.
      stale: 120_000,
      update: 5_000,
      realpath: false,
      onCompromised: (error) => {
        // The process was too busy to refresh the lock; another one may now
        // take the folder. Say so loudly rather than crash mid-request.
        console.error(`[db] lost the lock on ${dir}: ${error.message}`);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DatabaseInUseError(dir);
    throw error;
  }
}
