import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { rowsOf } from '@/db/rows';
import { letters } from '@/db/schema';
import { startLetterWorker } from '@/server/queue/worker';
import { useResendTestServer } from '../helpers/mail-mode';
import { queueThanks, seedInterviewBeforeEach } from '../letters/support';
import { setupTestDatabase } from '../support/database';

/*
 * Postgres only (PGlite has no server to restart). A restart, as every
 * process sees it, is every connection cut at once: the server ends each
 * backend. The app's pool and pg-boss's must reconnect on their own.
 */

setupTestDatabase();
const mail = useResendTestServer();
const seeded = seedInterviewBeforeEach();

async function cutEveryConnection() {
  const [{ name }] = await rowsOf<{ name: string }>(sql`select current_database() as name`);
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const cut = await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
  await admin.end();
  return cut.length;
}

describe('the database restarts mid-run', () => {
  it('the queue and the app reconnect on their own, and a letter written after it leaves once', async () => {
    await startLetterWorker();
    expect(await cutEveryConnection()).toBeGreaterThan(0);

    // A statement right after the cut may meet a dead connection (one per pooled connection, so
    // on a busy machine more than one); the pool replaces each, and the next try succeeds.
    const letterId = await queueThanks(seeded)
      .catch(() => queueThanks(seeded))
      .catch(() => queueThanks(seeded));
    const until = Date.now() + 25_000;
    let status = '';
    while (Date.now() < until) {
      const rows = await db.select({ status: letters.status }).from(letters).where(eq(letters.id, letterId)).catch(() => []);
      status = rows[0]?.status ?? status;
      if (status === 'sent') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe('sent');
    expect(mail.server.emails()).toHaveLength(1);
  }, 40_000);
});
