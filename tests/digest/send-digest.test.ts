import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { claimDigestDay, digestDay } from '@/db/queries/digest';
import { digestLinks, digestSends, outboxMessages } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { localDay } from '@/lib/digest/schedule';
import { composeDigest } from '@/server/digest/compose-digest';
import { DIGEST_RETRY_AFTER_MS, runDigests } from '@/server/digest/send-digests';
import { restoreEnv, useOutboxMode, useResendTestServer } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';
import { interviewHoursAgo, seedDigestPeople, setDigest, UNSUBSCRIBE_KEY } from './support';

setupTestDatabase();

let ada: SessionUser;
let mallory: SessionUser;
let now: Date;
let today: string;
beforeEach(async () => {
  ({ ada, mallory } = await seedDigestPeople());
  now = new Date();
  today = localDay(now, 'UTC');
});
afterEach(restoreEnv);

const run = (at = now) => runDigests({ now: at, unsubscribeKey: UNSUBSCRIBE_KEY });
const later = (ms: number) => new Date(now.getTime() + ms);

describe('what the digest holds', () => {
  beforeEach(useOutboxMode);

  it('a thank-you owed, already written by the person’s template, with its hours left and a Send target', async () => {
    const { interviewId } = await interviewHoursAgo(ada, 6, { now });
    const content = await composeDigest(ada.id, today, 'UTC', now);
    const [thanks] = content.sections;
    expect(thanks!.key).toBe('thank-yous');
    expect(thanks!.letters).toEqual([
      expect.objectContaining({
        title: 'Thank-you to Grace Hopper, copy to Alan Turing',
        about: 'Acme Rockets · Flight Engineer',
        note: '18 hours left of the 24 after the interview',
        firstLines: expect.stringMatching(/^Dear Grace,\n/),
        problem: null,
        send: { occasion: 'interview_thanks', interviewId, separate: 'false' },
      }),
    ]);
    expect(content.questions).toEqual([]);
    // Nothing of Mallory's, and Mallory sees nothing of Ada's.
    const theirs = await composeDigest(mallory.id, today, 'UTC', now);
    expect(theirs.sections.flatMap((s) => s.letters)).toEqual([]);
  });

  it('an interview without “What impressed you most?” is that one question, not a letter that cannot be written', async () => {
    const { interviewId, applicationId } = await interviewHoursAgo(ada, 3, { impression: null, now });
    const content = await composeDigest(ada.id, today, 'UTC', now);
    expect(content.sections.flatMap((s) => s.letters)).toEqual([]);
    expect(content.questions).toEqual([
      {
        interviewId,
        title: 'What impressed you most?',
        about: 'Acme Rockets · Flight Engineer',
        answerPath: `/applications/${applicationId}/interviews/${interviewId}/impression`,
      },
    ]);
  });
});

describe('sending it once a day', () => {
  const resend = useResendTestServer();

  it('sends the digest with its Send links, the unsubscribe headers and the day’s idempotency key', async () => {
    await interviewHoursAgo(ada, 6, { now });
    await run();

    const [mail, ...more] = resend.server.emails();
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      to: ['ada@example.com'],
      idempotencyKey: `afterword-digest-${ada.id}-${today}`,
      tags: [{ name: 'category', value: 'digest' }],
      headers: {
        'List-Unsubscribe': expect.stringMatching(/^<http:\/\/localhost:3000\/api\/digest\/unsubscribe\?token=[^>]+>$/),
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    expect(mail!.text).toMatch(/Dear Grace,/);
    expect(mail!.html).toMatch(/http:\/\/localhost:3000\/digest\/send\/[A-Za-z0-9_-]{43}/);
    expect(await digestDay(ada.id, today)).toMatchObject({ items: 1 });
    // One link, stored hashed, for 24 hours, naming the occasion.
    const links = await db.select().from(digestLinks);
    expect(links).toHaveLength(1);
    expect(links[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(mail!.html).not.toContain(links[0]!.tokenHash);
    expect(links[0]!.expiresAt.getTime() - now.getTime()).toBe(24 * 3_600_000);
  });

  it('sends nothing when nothing is due, and keeps a row that says so', async () => {
    await run();
    expect(resend.server.emails()).toEqual([]);
    expect(await digestDay(ada.id, today)).toMatchObject({ items: 0 });
    // Later runs that day look no further.
    await interviewHoursAgo(ada, 1, { now });
    await run(later(DIGEST_RETRY_AFTER_MS * 2));
    expect(resend.server.emails()).toEqual([]);
  });

  it('waits for the person’s own time, and sends nothing when the digest is off', async () => {
    await interviewHoursAgo(ada, 6, { now });
    const tomorrow = localDay(new Date(now.getTime() + 86_400_000), 'UTC');
    // Their time is 23:59; unless the test runs in that very minute, it has not come yet.
    await setDigest(ada.id, { digestMinute: 23 * 60 + 59 });
    const beforeTime = new Date(`${today}T23:58:00Z`);
    await run(beforeTime < now ? now : beforeTime);
    await setDigest(ada.id, { digestMinute: 0, digestEnabled: false });
    await run();
    expect(resend.server.emails()).toEqual([]);
    expect(await digestDay(ada.id, tomorrow)).toBeNull();
  });

  it('two runs at once send one digest', async () => {
    await interviewHoursAgo(ada, 6, { now });
    await Promise.all([run(), run(), run()]);
    expect(resend.server.emails()).toHaveLength(1);
    expect(await db.select().from(digestSends).where(eq(digestSends.userId, ada.id))).toHaveLength(1);
  });

  it('a crash after the row and before the hand-over: the next run sends it, once', async () => {
    await interviewHoursAgo(ada, 6, { now });
    // What a process leaves behind when it dies right after deciding: the row, not handed over.
    await db.transaction((tx) => claimDigestDay(tx, ada.id, today, 1));
    expect(await digestDay(ada.id, today)).toMatchObject({ items: -1 });

    await run();
    // Too fresh to be taken for a crash: the process deciding may still be sending it.
    expect(resend.server.emails()).toEqual([]);

    await run(later(DIGEST_RETRY_AFTER_MS + 1000));
    await run(later(DIGEST_RETRY_AFTER_MS + 2000));
    expect(resend.server.emails()).toHaveLength(1);
    expect(await digestDay(ada.id, today)).toMatchObject({ items: 1 });
  });

  it('a crash after Resend took it, before the row said so: the retry is refused by the key, and nothing more goes', async () => {
    await interviewHoursAgo(ada, 6, { now });
    resend.server.failNext({ kind: 'hang-after-accept' });
    await run();
    expect(resend.server.emails()).toHaveLength(1);
    expect(await digestDay(ada.id, today)).toMatchObject({ items: -1 });

    // Written afresh (new links), the retry is another body under the same key: Resend refuses it, and that settles it.
    await run(later(DIGEST_RETRY_AFTER_MS + 60_000));
    expect(resend.server.emails()).toHaveLength(1);
    expect(await digestDay(ada.id, today)).toMatchObject({ items: 1 });
  }, 60_000);

  it('Resend down: the row waits, and a later run sends it once', async () => {
    await interviewHoursAgo(ada, 6, { now });
    resend.server.failNext({ kind: 'status', status: 500 });
    await run();
    expect(resend.server.emails()).toEqual([]);
    await run(later(DIGEST_RETRY_AFTER_MS + 1000));
    await run(later(DIGEST_RETRY_AFTER_MS + 2000));
    expect(resend.server.emails()).toHaveLength(1);
  });
});

describe('in outbox mode', () => {
  beforeEach(useOutboxMode);

  it('keeps the digest with its headers in the outbox', async () => {
    await interviewHoursAgo(ada, 6, { now });
    await run();
    const rows = await db.select().from(outboxMessages);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });
});
