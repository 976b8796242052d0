import 'server-only';
import { sql } from 'drizzle-orm';
import { type DrizzleTransactionLike, fromDrizzle, fromPglite, PgBoss } from 'pg-boss';
import { getDatabase } from '@/db';
import type { Executor } from '@/db/executor';
import { dueLetterIds, isReadyToSend } from '@/db/queries/letter-queue';
import { noteWorkerAlive } from '@/db/queries/deployment';
import { dueReceivedEmailIds } from '@/db/queries/received-emails';
import { env } from '@/env';
import { errorReason } from '@/lib/error-reason';
import { SWEEP_EVERY_MS } from '@/lib/letters/retry';
import { runDigests } from '@/server/digest/send-digests';
import { deliverLetter } from '@/server/letters/deliver-letter';
import { pacer } from '@/server/mail/pacer';
import { readReceivedEmail } from '@/server/replies/read-received-email';
import { FOLLOW_UP_CRON, FOLLOW_UP_QUEUE, runAutomaticPlans } from '@/server/follow-ups/run-automatic-plans';
import { HOUSEKEEPING_CRON, HOUSEKEEPING_QUEUE, runHousekeeping } from './housekeeping';

/**
 * The durable side of sending. A letter row is written first; the pg-boss
 * job is only a wake-up call for it. If a job is lost (a crash between
 * commit and enqueue, a restart), the sweep every SWEEP_EVERY_MS in each
 * worker finds the letter still `queued` and enqueues it again; `deliverLetter`'s claim makes any
 * duplicate job harmless. Housekeeping runs as its own scheduled job.
 */
export const SEND_QUEUE = 'letter-send';
/** Before 0013 the sweep was a once-a-minute pg-boss schedule; it is now a timer in each worker, and this name is retired at start. */
const RETIRED_SWEEP_QUEUE = 'letter-sweep';

/** The morning digest: every 5 minutes, each person's is sent once their time has come (server/digest). */
export const DIGEST_QUEUE = 'digest';
export const DIGEST_CRON = '*/5 * * * *';

type SendJob = { letterId: string };

/** Reading an email that came back: one job per email and attempt, the received_emails row being the truth. */
export const REPLY_QUEUE = 'reply-read';
type ReplyJob = { emailId: string };

/**
 * What the worker needs from above its floor: the key that signs the
 * digest's unsubscribe links (derived from AUTH_SECRET by Auth). Without it,
 * as in tests of the letter queue, no digest is sent.
 */
export type WorkerOptions = { unsubscribeKey?: () => Uint8Array };

const holder = globalThis as unknown as { __afterwordBoss?: Promise<PgBoss>; __afterwordSweep?: NodeJS.Timeout };

/** This process, as its heartbeat names it: host, pid and when it started. */
const WORKER_NAME = `${process.env.HOSTNAME ?? 'host'}:${process.pid}:${Date.now()}`;

/**
 * Every SWEEP_EVERY_MS, in each worker: letters whose sender died (its hold
 * ran out) or whose wake-up was lost are sent, and the worker says it is
 * alive. Cheap (one indexed statement each); a duplicate wake-up is
 * dropped by its singleton key, and the claim makes a second sender harmless.
 */
function keepSweeping(boss: PgBoss, startedAt: Date) {
  const tick = async () => {
    try {
      await noteWorkerAlive(WORKER_NAME, startedAt);
      await sweepLetters(boss);
      await sweepReceivedEmails(boss);
    } catch (error) {
      console.error('[letters] the sweep failed; the next one tries again:', errorReason(error));
    }
  };
  holder.__afterwordSweep = setInterval(() => void tick(), SWEEP_EVERY_MS);
  holder.__afterwordSweep.unref();
}

/** Sending only: no maintenance and no schedules in this process (a worker elsewhere keeps both). */
const SEND_ONLY = { supervise: false, schedule: false };

function createBoss(sendOnly = false): PgBoss {
  const handle = getDatabase();
  const only = sendOnly ? SEND_ONLY : {};
  if (!handle.pglite && !handle.url) throw new Error('The letter queue needs the database URL or the embedded database.');
  const boss = handle.pglite
    ? new PgBoss({ db: fromPglite(handle.pglite), backend: 'pglite', ...only })
    : new PgBoss({ connectionString: handle.url!, max: sendOnly ? 2 : 3, application_name: 'afterword-letters', ...only });
  boss.on('error', (error) => console.error('[letters] queue error:', errorReason(error)));
  return boss;
}

// 'short': at most one waiting job per letter or email (singletonKey). Retries are the letter's own
// (deliverLetter); a job that throws is a bug, retried a few times, then logged.
const WAKE_UP_QUEUE_OPTIONS = { policy: 'short', retryLimit: 3, retryDelay: 30, retryBackoff: true } as const;

/** The queues a web process sends wake-ups to; created by whichever process starts first. */
async function createWakeUpQueues(boss: PgBoss) {
  await boss.createQueue(SEND_QUEUE, WAKE_UP_QUEUE_OPTIONS);
  await boss.createQueue(REPLY_QUEUE, WAKE_UP_QUEUE_OPTIONS);
}

async function sendOne(boss: PgBoss, letterId: string) {
  // A duplicate wake-up (the sweep saw the letter while this or another job waited for its slot) ends here.
  if (!(await isReadyToSend(letterId))) return;
  await pacer.wait();
  const result = await deliverLetter(letterId);
  if (result.outcome === 'retry') {
    await boss.send(SEND_QUEUE, { letterId } satisfies SendJob, { startAfter: result.retryAt, singletonKey: letterId });
  }
}

/**
 * Enqueues every letter that is due and held by no sender; nothing else, so
 * nothing else can hold it up. While the operator's switch is on, nothing:
 * the letters wait, queued, for the first sweep after it is turned off.
 */
export async function sweepLetters(boss: Pick<PgBoss, 'send'>) {
  if (env().sendingPaused) return;
  for (const letterId of await dueLetterIds()) {
    await boss.send(SEND_QUEUE, { letterId } satisfies SendJob, { singletonKey: letterId });
  }
}

/** Received emails whose reading is due and whose job was lost (a crash, a restart): read again. */
export async function sweepReceivedEmails(boss: Pick<PgBoss, 'send'>) {
  for (const emailId of await dueReceivedEmailIds()) {
    await boss.send(REPLY_QUEUE, { emailId } satisfies ReplyJob, { singletonKey: emailId });
  }
}

async function readOne(boss: PgBoss, emailId: string) {
  const result = await readReceivedEmail(emailId);
  if (result.outcome === 'retry') {
    await boss.send(REPLY_QUEUE, { emailId } satisfies ReplyJob, { startAfter: result.retryAt, singletonKey: `${emailId}@${result.retryAt.getTime()}` });
  }
}

async function start(options: WorkerOptions): Promise<PgBoss> {
  const boss = createBoss();
  await boss.start();
  await createWakeUpQueues(boss);
  // One letter at a time per process, so the pacer can space them to Resend's limit.
  await boss.work<SendJob>(SEND_QUEUE, { pollingIntervalSeconds: 1, localConcurrency: 1 }, async (jobs) => {
    for (const job of jobs) await sendOne(boss, job.data.letterId);
  });
  await boss.unschedule(RETIRED_SWEEP_QUEUE);
  if (await boss.getQueue(RETIRED_SWEEP_QUEUE)) await boss.deleteQueue(RETIRED_SWEEP_QUEUE);
  await boss.work<ReplyJob>(REPLY_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await readOne(boss, job.data.emailId);
  });
  await boss.createQueue(HOUSEKEEPING_QUEUE, { policy: 'singleton' });
  await boss.work(HOUSEKEEPING_QUEUE, { pollingIntervalSeconds: 60 }, () => runHousekeeping());
  await boss.schedule(HOUSEKEEPING_QUEUE, HOUSEKEEPING_CRON);
  await boss.createQueue(FOLLOW_UP_QUEUE, { policy: 'singleton' });
  // Polled often: a run asked for (a test, an operator) starts within seconds; the schedule adds one every ten minutes.
  await boss.work(FOLLOW_UP_QUEUE, { pollingIntervalSeconds: 5 }, () => runFollowUps());
  await boss.schedule(FOLLOW_UP_QUEUE, FOLLOW_UP_CRON);
  if (options.unsubscribeKey) {
    const key = options.unsubscribeKey;
    // 'singleton': one run at a time across processes; the digest_sends row is what makes each digest once.
    await boss.createQueue(DIGEST_QUEUE, { policy: 'singleton' });
    await boss.work(DIGEST_QUEUE, { pollingIntervalSeconds: 5 }, () => runDigests({ unsubscribeKey: key() }));
    await boss.schedule(DIGEST_QUEUE, DIGEST_CRON);
    // And at start, without holding it up: a digest due while the server was down goes now.
    await boss.send(DIGEST_QUEUE, {});
  }
  // A run at start too, as a job: run here, a letter it writes would wait on this very start to wake its sender.
  await boss.send(FOLLOW_UP_QUEUE, {});
  await sweepLetters(boss);
  await sweepReceivedEmails(boss);
  await runHousekeeping();
  const startedAt = new Date();
  await noteWorkerAlive(WORKER_NAME, startedAt);
  keepSweeping(boss, startedAt);
  return boss;
}

/** The automatic follow-up plans' run: a failure is logged, and the next run (ten minutes on) tries again. */
async function runFollowUps() {
  try {
    await runAutomaticPlans();
  } catch (error) {
    console.error('[follow-ups] the automatic run failed; the next one tries again:', errorReason(error));
  }
}

/** Starts the letter queue in this process (once). */
export function startLetterWorker(options: WorkerOptions = {}): Promise<PgBoss> {
  return startOnce(() => start(options));
}

/** One queue per process, whichever kind starts first; a failed start may be tried again. */
function startOnce(starting: () => Promise<PgBoss>): Promise<PgBoss> {
  holder.__afterwordBoss ??= starting().catch((error) => {
    holder.__afterwordBoss = undefined;
    throw error;
  });
  return holder.__afterwordBoss;
}

/**
 * For a web process started with RUN_WORKER=0: the queue, to send wake-ups
 * only. It runs no job, no sweep, no maintenance and no schedule (a worker
 * does), but its clicks still write each scheduled letter's wake-up with the
 * letter, and hand on what they could not send, so a letter leaves at its
 * time instead of at a worker's next sweep (up to SWEEP_EVERY_MS late).
 */
export function startLetterQueueForSending(): Promise<PgBoss> {
  return startOnce(async () => {
    const boss = createBoss(true);
    await boss.start();
    await createWakeUpQueues(boss);
    return boss;
  });
}

/** Wakes the sender for letters just written; if the queue is not running here, the sweep finds them. */
export async function wakeSender(letterIds: string[]) {
  const boss = holder.__afterwordBoss;
  if (!boss) return;
  try {
    const running = await boss;
    for (const letterId of letterIds) await running.send(SEND_QUEUE, { letterId } satisfies SendJob, { singletonKey: letterId });
  } catch (error) {
    console.error('[letters] could not wake the sender; the next sweep will send these letters:', errorReason(error));
  }
}

/**
 * Wakes the sender when a scheduled letter's time comes. Keyed by the time
 * too, so a letter moved earlier gets its own wake-up instead of waiting on
 * the old one; a wake-up for a time that moved, or a letter stopped, finds
 * nothing to take. Lost (no queue here, a crash), the sweep sends it within seconds of its time.
 */
export async function wakeSenderAt(letterId: string, at: Date) {
  const boss = holder.__afterwordBoss;
  if (!boss) return;
  try {
    const running = await boss;
    await running.send(SEND_QUEUE, { letterId } satisfies SendJob, wakeUpAt(letterId, at));
  } catch (error) {
    console.error('[letters] could not schedule the sender; the sweep will send this letter at its time:', errorReason(error));
  }
}

/** A scheduled letter's wake-up: at its time, and one per letter and time. */
const wakeUpAt = (letterId: string, at: Date) => ({ startAfter: at, singletonKey: `${letterId}@${at.getTime()}` });

/**
 * The letter queue of this process once it has started, for a click about
 * to write letters: null when none runs here or it could not start (the
 * sweep then wakes the sender at each letter's time). Awaited before the
 * click's transaction, so a queue still starting never holds the person's lock.
 */
export async function runningLetterQueue(): Promise<PgBoss | null> {
  const boss = holder.__afterwordBoss;
  if (!boss) return null;
  // Why it could not start is reported where it was started.
  return boss.catch(() => null);
}

/**
 * wakeSenderAt, in the transaction that writes the letter: the letter and
 * its wake-up commit together or not at all, so no crash between them
 * leaves the letter to the sweep, and a click rolled back leaves no job. It
 * is one more statement on the transaction's own connection, instead of a
 * round trip on the queue's after the commit.
 */
export async function wakeSenderAtWith(boss: PgBoss, tx: Executor, letterId: string, at: Date) {
  // The app's Database types execute() for any driver; ours answer as the adapter reads (postgres.js rows, PGlite { rows }).
  const db = fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
  await boss.send(SEND_QUEUE, { letterId } satisfies SendJob, { ...wakeUpAt(letterId, at), db });
}

/** Wakes the reader of a received email; if the queue is not running here, a worker's sweep reads it within seconds. */
export async function wakeReplyReader(emailId: string, at: Date) {
  const boss = holder.__afterwordBoss;
  if (!boss) return;
  try {
    const running = await boss;
    await running.send(REPLY_QUEUE, { emailId } satisfies ReplyJob, { startAfter: at, singletonKey: emailId });
  } catch (error) {
    console.error('[replies] could not wake the reader; the sweep will read this email:', errorReason(error));
  }
}

/** For tests and shutdown. */
export async function stopLetterWorker() {
  const boss = holder.__afterwordBoss;
  holder.__afterwordBoss = undefined;
  clearInterval(holder.__afterwordSweep);
  if (boss) await (await boss).stop({ graceful: true, timeout: 10_000 });
}
