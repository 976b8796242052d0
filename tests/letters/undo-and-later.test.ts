import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { lettersNeedingAttention } from '@/db/queries/due/attention';
import { dueLetterIds } from '@/db/queries/letter-queue';
import { letterOutcomes } from '@/db/queries/outcomes/letters';
import { rowsOf } from '@/db/rows';
import { activities, applications, flaggedAddresses, letterRecipients, letters, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { cancelLetter } from '@/server/letters/cancel-letter';
import { deliverLetter } from '@/server/letters/deliver-letter';
import { rescheduleLetter, rewriteLetter } from '@/server/letters/reschedule-letter';
import { resetPacer } from '@/server/mail/pacer';
import { startLetterQueueForSending, startLetterWorker, stopLetterWorker } from '@/server/queue/worker';
import { useResendTestServer } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';
import { form, interviewThanksForm, lettersOf, makeDue, type Seeded, seedInterviewWithThree } from './support';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({ getUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { sendLetterAction, cancelLetterAction, rescheduleLetterAction, rewriteLetterAction } = await import('@/app/(app)/letters/actions');

setupTestDatabase();
const mail = useResendTestServer();

let seeded: Seeded;
beforeEach(async () => {
  seeded = await seedInterviewWithThree();
  await db.update(users).set({ undoSeconds: 10 }).where(eq(users.id, seeded.ada.id));
  session.user = seeded.ada;
  await resetPacer();
  return () => stopLetterWorker();
});

const send = (fields: Record<string, string> = {}) => sendLetterAction({ ok: false }, form(interviewThanksForm(seeded.interviewId, fields)));
const cancel = (letterIds: string) => cancelLetterAction({ ok: false }, form({ letterIds }));
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);

/** Waits (at most 15 s) while the letter is scheduled or on its way. */
async function untilItLeaves() {
  const until = Date.now() + 15_000;
  while (['scheduled', 'queued'].includes((await onlyLetter()).status) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
}

async function onlyLetter() {
  const all = await lettersOf(seeded.ada);
  expect(all).toHaveLength(1);
  return all[0];
}

describe('the undo window', () => {
  it('writes the letter scheduled for the end of the window, and nothing reaches Resend meanwhile', async () => {
    const before = Date.now();
    const result = await send();

    expect(result).toMatchObject({ ok: true, message: 'The letter will leave in a few seconds unless you undo it.' });
    const letter = await onlyLetter();
    expect(letter.status).toBe('scheduled');
    expect(letter.scheduledFor!.getTime()).toBeGreaterThanOrEqual(before + 10_000);
    expect(letter.scheduledFor!.getTime()).toBeLessThan(Date.now() + 10_000 + 1000);
    expect(await deliverLetter(letter.id)).toEqual({ outcome: 'not_due' });
    expect(mail.server.emails()).toHaveLength(0);
  });

  it('undo in time cancels it: nothing is sent, the timeline says so, and the occasion can be sent again', async () => {
    await send();
    const letter = await onlyLetter();

    expect(await cancel(letter.id)).toMatchObject({ ok: true, message: expect.stringContaining('Cancelled: nothing was sent') });
    await makeDue(letter.id);
    expect(await deliverLetter(letter.id)).toEqual({ outcome: 'not_due' });
    expect(mail.server.emails()).toHaveLength(0);
    const [cancelled] = await db.select().from(letters).where(eq(letters.id, letter.id));
    expect(cancelled.status).toBe('cancelled');
    const recipients = await db.select().from(letterRecipients).where(eq(letterRecipients.letterId, letter.id));
    expect(recipients.every((r) => r.dedupeKey === null)).toBe(true);
    const timeline = await db.select().from(activities).where(eq(activities.kind, 'letter_cancelled'));
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ applicationId: seeded.applicationId, contactId: seeded.grace, detail: { letterId: letter.id } });
    // It was the person's choice: nothing on the dashboard asks them about it.
    expect((await lettersNeedingAttention(seeded.ada.id, new Date())).rows).toEqual([]);
    // Nobody received it: Outcomes does not count it as written.
    expect((await letterOutcomes({ userId: seeded.ada.id, since: null, now: new Date() })).total.written).toBe(0);

    await db.update(users).set({ undoSeconds: 0 }).where(eq(users.id, seeded.ada.id));
    expect(await send()).toMatchObject({ ok: true, message: 'Sent to grace@acme.example.' });
    expect(mail.server.emails()).toHaveLength(1);
    expect(await cancel(letter.id)).toMatchObject({ ok: true, message: 'It was already cancelled: nothing was sent.' });
  });

  it('undo too late says it has already gone, and the letter is as sent', async () => {
    await send();
    const letter = await onlyLetter();
    await makeDue(letter.id);
    expect(await deliverLetter(letter.id)).toEqual({ outcome: 'sent' });

    expect(await cancel(letter.id)).toMatchObject({ ok: false, message: 'It has already gone: it was on its way before the undo arrived.' });
    expect((await onlyLetter()).status).toBe('sent');
    expect(mail.server.emails()).toHaveLength(1);
  });

  it('an undo racing the sender either stops the letter or finds it gone, never both and never two copies', async () => {
    for (let round = 0; round < 6; round++) {
      await db.delete(letters).where(eq(letters.userId, seeded.ada.id));
      mail.server.reset();
      await send({ requestId: crypto.randomUUID() });
      const letter = await onlyLetter();
      await makeDue(letter.id);
      const [delivered, cancelled] = await Promise.all([deliverLetter(letter.id), cancelLetter(seeded.ada.id, letter.id)]);
      const sent = mail.server.emails().length;
      if (cancelled === 'cancelled') {
        expect(delivered).toEqual({ outcome: 'not_due' });
        expect(sent).toBe(0);
      } else {
        expect(cancelled).toBe('already_gone');
        expect(delivered).toEqual({ outcome: 'sent' });
        expect(sent).toBe(1);
      }
    }
  });

  it('refuses another person’s letter like a missing one, and leaves it waiting', async () => {
    await send();
    const letter = await onlyLetter();
    session.user = seeded.mallory;

    const theirs = await cancel(letter.id);
    const missing = await cancel(crypto.randomUUID());
    expect(theirs).toEqual({ ...missing, values: { letterIds: letter.id } });
    expect(theirs).toMatchObject({ ok: false, message: 'That letter could not be found. It may have been deleted.' });
    expect((await onlyLetter()).status).toBe('scheduled');
  });

  it('refuses a list of ids that is not one', async () => {
    expect(await cancel('not-an-id')).toMatchObject({ ok: false, fieldErrors: { letterIds: expect.any(Array) } });
    expect(await cancel('')).toMatchObject({ ok: false });
  });

  it('is off at 0: the letter leaves in the same click', async () => {
    await db.update(users).set({ undoSeconds: 0 }).where(eq(users.id, seeded.ada.id));
    expect(await send()).toMatchObject({ ok: true, message: 'Sent to grace@acme.example.' });
    expect((await onlyLetter()).scheduledFor).toBeNull();
  });

  it('is kept by the queue, not the page: the worker sends it once its window ends', async () => {
    await db.update(users).set({ undoSeconds: 1 }).where(eq(users.id, seeded.ada.id));
    await startLetterWorker();
    await send();
    const letter = await onlyLetter();
    await untilItLeaves();
    const sentLetter = await onlyLetter();
    expect(sentLetter.status).toBe('sent');
    expect(mail.server.emails()).toHaveLength(1);
    expect(mail.server.emails()[0].idempotencyKey).toBe(letter.idempotencyKey);
  });
});

describe('the wake-up at the end of the window', () => {
  // The queue's tables are not emptied between tests: each test looks at the jobs it made.
  const wakeUps = () =>
    rowsOf<{ letterId: string; startAfter: number; singletonKey: string }>(
      sql`select data->>'letterId' as "letterId", (extract(epoch from start_after) * 1000)::float8 as "startAfter", singleton_key as "singletonKey"
          from pgboss.job where name = 'letter-send' order by created_on, id`,
    );

  // A web process with RUN_WORKER=0 starts the queue to send wake-ups only: its clicks are not left to a worker's sweep.
  it.each([
    ['the queue runs here', startLetterWorker],
    ['the queue runs elsewhere (RUN_WORKER=0)', startLetterQueueForSending],
  ])('is queued with the letter when %s: one job, at its time, keyed by letter and time', async (_, startQueue) => {
    await startQueue();
    await send();
    const letter = await onlyLetter();

    const at = letter.scheduledFor!.getTime();
    expect((await wakeUps()).filter((job) => job.letterId === letter.id)).toEqual([{ letterId: letter.id, startAfter: at, singletonKey: `${letter.id}@${at}` }]);
  });

  it('commits with the letter or not at all: a click whose commit fails leaves neither', async () => {
    await startLetterWorker();
    const before = await wakeUps();
    // Checked only at commit, after the letter and its wake-up were both written on the click's connection.
    await db.execute(sql.raw(`create function refuse_at_commit() returns trigger language plpgsql as $$
      begin raise exception 'refused at commit'; end $$`));
    await db.execute(
      sql.raw('create constraint trigger refuse_at_commit after insert on letters deferrable initially deferred for each row execute function refuse_at_commit()'),
    );
    try {
      expect(await send()).toMatchObject({ ok: false });
    } finally {
      await db.execute(sql.raw('drop trigger refuse_at_commit on letters'));
      await db.execute(sql.raw('drop function refuse_at_commit()'));
    }

    expect(await lettersOf(seeded.ada)).toEqual([]);
    expect(await wakeUps()).toEqual(before);
  });
});

describe('send later', () => {
  it('schedules for the time picked, in the zone picked', async () => {
    const result = await send({ when: 'at', sendAt: '2031-01-01T09:00', sendAtZone: 'Europe/Berlin' });
    // More than a year ahead is refused, next to the field, and nothing is written.
    expect(result).toMatchObject({ ok: false, fieldErrors: { sendAt: [expect.stringContaining('within the next 365 days')] } });
    expect(await lettersOf(seeded.ada)).toHaveLength(0);

    const local = inDays(3);
    expect(await send({ when: 'at', sendAt: local, sendAtZone: 'Asia/Tokyo' })).toMatchObject({ ok: true });
    const letter = await onlyLetter();
    expect(letter.status).toBe('scheduled');
    // Tokyo is 9 hours ahead of UTC, all year.
    expect(letter.scheduledFor!.toISOString().slice(0, 16)).toBe(new Date(Date.parse(`${local}:00Z`) - 9 * 3_600_000).toISOString().slice(0, 16));
  });

  it('refuses a time in the past, one the clocks skip, and an unknown zone, keeping what was typed', async () => {
    const past = await send({ when: 'at', sendAt: '2020-05-01T09:00', sendAtZone: 'UTC' });
    expect(past).toMatchObject({ ok: false, fieldErrors: { sendAt: ['That time has passed. Choose a time in the future.'] }, values: { sendAt: '2020-05-01T09:00' } });
    // 02:30 on the last Sunday of March does not exist in Berlin: the clocks go from 02:00 to 03:00.
    const year = new Date().getUTCFullYear() + 1;
    const lastSunday = new Date(Date.UTC(year, 2, 31));
    lastSunday.setUTCDate(31 - lastSunday.getUTCDay());
    const gap = `${lastSunday.toISOString().slice(0, 10)}T02:30`;
    if (Date.parse(`${gap}:00Z`) - Date.now() < 365 * 86_400_000) {
      const skipped = await send({ when: 'at', sendAt: gap, sendAtZone: 'Europe/Berlin' });
      expect(skipped).toMatchObject({ ok: false, fieldErrors: { sendAt: [expect.stringContaining('does not exist in Europe/Berlin')] } });
    }
    const zone = await send({ when: 'at', sendAt: inDays(2), sendAtZone: 'Mars/Olympus_Mons' });
    expect(zone).toMatchObject({ ok: false, fieldErrors: { sendAtZone: ['Choose a time zone from the list.'] } });
    expect(await send({ when: 'soon' })).toMatchObject({ ok: false, fieldErrors: { when: expect.any(Array) } });
    expect(await lettersOf(seeded.ada)).toHaveLength(0);
  });

  it('tomorrow morning is 08:30 in the interview’s zone', async () => {
    await db.update(users).set({ timeZone: 'America/New_York' }).where(eq(users.id, seeded.ada.id));
    await db.execute(`update interviews set time_zone = 'Asia/Kolkata' where id = '${seeded.interviewId}'`);
    await send({ when: 'tomorrow_morning' });
    const letter = await onlyLetter();
    const wall = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', hour: '2-digit', minute: '2-digit' }).format(letter.scheduledFor!);
    expect(wall).toBe('08:30');
    const hours = (letter.scheduledFor!.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(0);
    expect(hours).toBeLessThanOrEqual(48);
  });

  it('can be rescheduled and rewritten while it waits, and leaves once with the new words under a new key', async () => {
    await send({ when: 'at', sendAt: inDays(2), sendAtZone: 'UTC' });
    const letter = await onlyLetter();
    const moved = await rescheduleLetterAction({ ok: false }, form({ letterId: letter.id, when: 'at', sendAt: inDays(5), sendAtZone: 'UTC' }));
    expect(moved).toMatchObject({ ok: true });
    const rewritten = await rewriteLetterAction({ ok: false }, form({ letterId: letter.id, subject: 'A new subject', body: 'Dear Grace,\n\nNew <words>.' }));
    expect(rewritten).toMatchObject({ ok: true });
    const changed = await onlyLetter();
    expect(changed.scheduledFor!.getTime() - letter.scheduledFor!.getTime()).toBeCloseTo(3 * 86_400_000, -4);
    expect(changed.idempotencyKey).not.toBe(letter.idempotencyKey);
    expect(changed.html).toContain('New &lt;words&gt;.');

    await makeDue(letter.id);
    await startLetterWorker();
    await untilItLeaves();
    expect(mail.server.emails()).toHaveLength(1);
    expect(mail.server.emails()[0]).toMatchObject({ subject: 'A new subject', idempotencyKey: changed.idempotencyKey });

    // Gone, it can be neither moved nor rewritten.
    expect(await rescheduleLetter(seeded.ada.id, letter.id, new Date(Date.now() + 86_400_000))).toBe('already_gone');
    expect(await rewriteLetter(seeded.ada.id, letter.id, { subject: 'Too late', body: 'x' })).toBe('already_gone');
    expect(await rescheduleLetter(seeded.mallory.id, letter.id, new Date(Date.now() + 86_400_000))).toBe('not_found');
  });

  it('refuses a rewrite with a placeholder left in it, next to the field', async () => {
    await send({ when: 'at', sendAt: inDays(2), sendAtZone: 'UTC' });
    const letter = await onlyLetter();
    const result = await rewriteLetterAction({ ok: false }, form({ letterId: letter.id, subject: 'Hello {{contact.firstName}}', body: 'Hi' }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { subject: [expect.stringContaining('placeholder')] } });
    expect((await onlyLetter()).subject).toBe(letter.subject);
  });

  it('a letter whose time passed while the server was down leaves once when it is back', async () => {
    await send({ when: 'at', sendAt: inDays(1), sendAtZone: 'UTC' });
    const letter = await onlyLetter();
    // The server was down at its time: now it is an hour late, and no wake-up job exists.
    await db.update(letters).set({ nextAttemptAt: new Date(Date.now() - 3_600_000) }).where(eq(letters.id, letter.id));
    expect(await dueLetterIds()).toContain(letter.id);

    await startLetterWorker();
    await untilItLeaves();
    await stopLetterWorker();
    await startLetterWorker();
    await new Promise((r) => setTimeout(r, 1500));
    expect((await onlyLetter()).status).toBe('sent');
    expect(mail.server.emails()).toHaveLength(1);
  });

  it('two senders at its time send it once', async () => {
    await send({ when: 'at', sendAt: inDays(1), sendAtZone: 'UTC' });
    const letter = await onlyLetter();
    await makeDue(letter.id);
    const outcomes = await Promise.all([deliverLetter(letter.id), deliverLetter(letter.id), deliverLetter(letter.id)]);
    expect(outcomes.filter((o) => o.outcome === 'sent')).toHaveLength(1);
    expect(mail.server.emails()).toHaveLength(1);
  });
});

describe('a scheduled letter is held, not sent, when things changed while it waited', () => {
  it('holds it when a recipient bounced since', async () => {
    await send({ when: 'at', sendAt: inDays(1), sendAtZone: 'UTC' });
    const letter = await onlyLetter();
    await db.insert(flaggedAddresses).values({ userId: seeded.ada.id, email: 'alan@acme.example', reason: 'bounced' });
    await makeDue(letter.id);

    expect(await deliverLetter(letter.id)).toEqual({ outcome: 'needs_decision' });
    const held = await onlyLetter();
    expect(held).toMatchObject({ status: 'needs_decision' });
    expect(held.lastError).toBe('Held: alan@acme.example bounced after this letter was written. Fix the address, then send it again or discard it.');
    expect(mail.server.emails()).toHaveLength(0);
  });

  it('holds it when the application was withdrawn since', async () => {
    await send({ when: 'at', sendAt: inDays(1), sendAtZone: 'UTC' });
    const letter = await onlyLetter();
    await db
      .update(applications)
      .set({ stage: 'withdrawn' })
      .where(and(eq(applications.userId, seeded.ada.id), eq(applications.id, seeded.applicationId)));
    await makeDue(letter.id);

    expect(await deliverLetter(letter.id)).toEqual({ outcome: 'needs_decision' });
    expect((await onlyLetter()).lastError).toMatch(/^Held: you withdrew the application/);
    expect(mail.server.emails()).toHaveLength(0);
  });
});
