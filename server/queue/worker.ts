import 'server-only';
import { fromPglite, PgBoss } from 'pg-boss';
import { getDatabase } from '@/db';
import { pruneDashboardChanges } from '@/db/queries/dashboard-snapshot';
import { dueLetterIds } from '@/db/queries/letter-queue';
import { deliverLetter } from '../letters/deliver-letter';
import { pruneUnmatchedEvents } from '../letters/record-resend-event';
import { pacer } from '../mail/pacer';

/**
 * The durable side of sending. A letter row is written first (queue.ts); the
 * pg-boss job is only a wake-up call for it. If a job is lost (a crash
 * between commit and enqueue, a restart), the sweep every minute finds the
 * letter still `queued` and enqueues it again; `deliverLetter`'s claim makes
 * any duplicate job harmless. The sweep also prunes webhook events that never
 * found their letter (events.ts) and the dashboard's change log.
 */
export const SEND_QUEUE = 'letter-send';
export const SWEEP_QUEUE = 'letter-sweep';

type SendJob = { letterId: string };

const holder = globalThis as unknown as { __afterwordBoss?: Promise<PgBoss> };

function createBoss(): PgBoss {
  const handle = getDatabase();
  if (handle.pglite) return new PgBoss({ db: fromPglite(handle.pglite), backend: 'pglite' });
  if (!handle.url) throw new Error('The letter queue needs the database URL or the embedded database.');
  return new PgBoss({ connectionString: handle.url, max: 3, application_name: 'afterword-letters' });
}

async function sendOne(boss: PgBoss, letterId: string) {
  await pacer().wait();
  const result = await deliverLetter(letterId);
  if (result.outcome === 'retry') {
    await boss.send(SEND_QUEUE, { letterId } satisfies SendJob, { startAfter: result.retryAt, singletonKey: letterId });
  }
}

async function sweep(boss: PgBoss) {
  for (const letterId of await dueLetterIds()) {
    await boss.send(SEND_QUEUE, { letterId } satisfies SendJob, { singletonKey: letterId });
  }
  // Housekeeping must never stop the sweep (or the worker's start) from re-queueing letters.
  try {
    await pruneUnmatchedEvents();
    await pruneDashboardChanges();
  } catch (error) {
    console.error('[letters] could not prune unmatched webhook events or the dashboard change log; the next sweep tries again:', error);
  }
}

async function start(): Promise<PgBoss> {
  const boss = createBoss();
  boss.on('error', (error) => console.error('[letters] queue error:', error));
  await boss.start();
  // 'short': at most one waiting job per letter (singletonKey). Retries are the letter's own
  // (deliverLetter); a job that throws is a bug, retried a few times, then logged.
  await boss.createQueue(SEND_QUEUE, { policy: 'short', retryLimit: 3, retryDelay: 30, retryBackoff: true });
  await boss.createQueue(SWEEP_QUEUE, { policy: 'singleton' });
  // One letter at a time per process, so the pacer can space them to Resend's limit.
  await boss.work<SendJob>(SEND_QUEUE, { pollingIntervalSeconds: 1, localConcurrency: 1 }, async (jobs) => {
    for (const job of jobs) await sendOne(boss, job.data.letterId);
  });
  await boss.work(SWEEP_QUEUE, { pollingIntervalSeconds: 30 }, () => sweep(boss));
  await boss.schedule(SWEEP_QUEUE, '* * * * *');
  await sweep(boss);
  return boss;
}

/** Starts the letter queue in this process (once). */
export function startLetterWorker(): Promise<PgBoss> {
  holder.__afterwordBoss ??= start().catch((error) => {
    holder.__afterwordBoss = undefined;
    throw error;
  });
  return holder.__afterwordBoss;
}

/** Wakes the sender for letters just written; if the queue is not running here, the sweep finds them. */
export async function wakeSender(letterIds: string[]) {
  const boss = holder.__afterwordBoss;
  if (!boss) return;
  try {
    const running = await boss;
    for (const letterId of letterIds) await running.send(SEND_QUEUE, { letterId } satisfies SendJob, { singletonKey: letterId });
  } catch (error) {
    console.error('[letters] could not wake the sender; the next sweep will send these letters:', error);
  }
}

/** For tests and shutdown. */
export async function stopLetterWorker() {
  const boss = holder.__afterwordBoss;
  holder.__afterwordBoss = undefined;
  if (boss) await (await boss).stop({ graceful: true, timeout: 10_000 });
}
