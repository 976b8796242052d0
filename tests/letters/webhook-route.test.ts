import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db, useDatabase } from '@/db';
import { openDatabase } from '@/db/open';
import { flaggedAddresses, letters } from '@/db/schema';
import { resetEnv } from '@/env';
import { config as proxyConfig } from '@/proxy';
import { POST } from '@/app/api/webhooks/resend/route';
import { makeWebhookSecret, signWebhook } from '../resend-server/webhook-signing';
import { setupTestDatabase } from '../support/database';
import {
  allEvents,
  deliver,
  eventFor,
  seedLetter,
  seedPerson,
  statusOf,
  useWebhookSecret,
  webhookRequest,
} from './webhook-support';

const testDatabase = setupTestDatabase();
const secret = useWebhookSecret();

async function adaWithLetter() {
  const ada = await seedPerson('ada@example.com', 'Ada Lovelace');
  return { ada, letter: await seedLetter(ada.id) };
}

describe('POST /api/webhooks/resend: verification', () => {
  it('stores a validly signed event against its letter and moves the letter forward, with no session at all', async () => {
    const { ada, letter } = await adaWithLetter();
    const at = new Date(Date.now() - 60_000);

    const { response, body, signed } = await deliver(eventFor(letter, 'email.delivered', { at }), secret());

    expect(response.status).toBe(200);
    expect(body).toEqual({ ok: true, outcome: 'matched' });
    expect(await statusOf(letter.id)).toMatchObject({ status: 'delivered' });
    const [event] = await allEvents();
    expect(event).toMatchObject({
      svixId: signed.headers['svix-id'],
      userId: ada.id,
      letterId: letter.id,
      type: 'email.delivered',
      emailId: letter.resendId,
      tagLetterId: letter.id,
      detail: { to: 'grace@acme.example' },
    });
    expect(event.occurredAt.toISOString()).toBe(at.toISOString());
  });

  it('refuses a payload signed with another secret', async () => {
    const { letter } = await adaWithLetter();
    const signed = signWebhook({ payload: eventFor(letter, 'email.bounced'), secret: makeWebhookSecret() });

    const response = await POST(webhookRequest(signed.body, signed.headers));

    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatch(/Signature refused/);
    expect(await allEvents()).toHaveLength(0);
    expect(await statusOf(letter.id)).toMatchObject({ status: 'sent' });
  });

  it('refuses a body with one byte changed', async () => {
    const { letter } = await adaWithLetter();
    const signed = signWebhook({ payload: eventFor(letter, 'email.delivered'), secret: secret() });
    const tampered = signed.body.replace('email.delivered', 'email.delivereD');
    expect(tampered).not.toBe(signed.body);
    expect(tampered).toHaveLength(signed.body.length);

    const response = await POST(webhookRequest(tampered, signed.headers));

    expect(response.status).toBe(401);
    expect(await allEvents()).toHaveLength(0);
  });

  it('refuses timestamps more than 5 minutes off, either way, and accepts one 4 minutes old', async () => {
    const { letter } = await adaWithLetter();
    const now = Math.floor(Date.now() / 1000);

    const old = await deliver(eventFor(letter, 'email.delivered'), secret(), { timestamp: now - 6 * 60 });
    const future = await deliver(eventFor(letter, 'email.delivered'), secret(), { timestamp: now + 6 * 60 });
    expect(old.response.status).toBe(401);
    expect(old.body.error).toMatch(/too old/);
    expect(future.response.status).toBe(401);
    expect(await allEvents()).toHaveLength(0);

    const recent = await deliver(eventFor(letter, 'email.delivered'), secret(), { timestamp: now - 4 * 60 });
    expect(recent.response.status).toBe(200);
    expect(await statusOf(letter.id)).toMatchObject({ status: 'delivered' });
  });

  it('answers 400 when the svix headers are missing, and 400 for a signed body that is not a Resend event', async () => {
    const missing = await POST(webhookRequest('{}', {}));
    expect(missing.status).toBe(400);

    const notJson = await deliver('not json', secret());
    expect(notJson.response.status).toBe(400);
    const noData = await deliver({ type: 'email.sent' }, secret());
    expect(noData.response.status).toBe(400);
    expect(await allEvents()).toHaveLength(0);
  });

  it('answers 503 with a clear message, not 500, when no secret is configured', async () => {
    vi.stubEnv('RESEND_WEBHOOK_SECRET', '');
    resetEnv();
    const signed = signWebhook({ payload: { type: 'email.sent', data: {} }, secret: makeWebhookSecret() });

    const response = await POST(webhookRequest(signed.body, signed.headers));

    expect(response.status).toBe(503);
    expect((await response.json()).error).toMatch(/RESEND_WEBHOOK_SECRET is missing/);
  });

  it('answers 503 (so Resend retries), not 500, when the database cannot be reached', async () => {
    const { letter } = await adaWithLetter();
    const unreachable = openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/nowhere' });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    useDatabase(unreachable);
    try {
      const { response } = await deliver(eventFor(letter, 'email.delivered'), secret());
      expect(response.status).toBe(503);
      expect(log).toHaveBeenCalledWith(expect.stringContaining('[webhooks/resend]'), expect.any(String), 'database unreachable');
    } finally {
      useDatabase({ db: testDatabase.db, kind: testDatabase.kind, close: async () => {} });
      log.mockRestore();
      await unreachable.close();
    }
  });

  it('is never matched by proxy.ts, which only guards the signed-in pages', () => {
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: '/api/webhooks/resend' })).toBe(false);
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: '/letters/abc' })).toBe(true);
  });
});

describe('POST /api/webhooks/resend: what events change', () => {
  it('stores a replayed delivery (same svix-id) once, and the replay changes nothing', async () => {
    const { letter } = await adaWithLetter();
    const payload = eventFor(letter, 'email.delivered');
    const first = await deliver(payload, secret(), { msgId: 'msg_replayed' });
    expect(first.body.outcome).toBe('matched');
    // Put the letter back, so a replay that re-applied the event would show.
    await db.update(letters).set({ status: 'sent' }).where(eq(letters.id, letter.id));

    const replay = await POST(webhookRequest(first.signed.body, first.signed.headers));

    expect(replay.status).toBe(200);
    expect((await replay.json()).outcome).toBe('duplicate');
    expect(await allEvents()).toHaveLength(1);
    expect(await statusOf(letter.id)).toMatchObject({ status: 'sent' });
  });

  it('stores a delivery once even when it arrives twice at the same moment, beside another for the same letter', async () => {
    const { letter } = await adaWithLetter();
    const signed = signWebhook({ payload: eventFor(letter, 'email.delivered'), secret: secret() });
    const opened = signWebhook({ payload: eventFor(letter, 'email.opened'), secret: secret() });

    const responses = await Promise.all([signed, signed, opened].map((s) => POST(webhookRequest(s.body, s.headers))));

    const outcomes = await Promise.all(responses.map(async (r) => (await r.json()).outcome));
    expect(outcomes.slice(0, 2).sort()).toEqual(['duplicate', 'matched']);
    expect(outcomes[2]).toBe('matched');
    expect((await allEvents()).map((e) => e.type).sort()).toEqual(['email.delivered', 'email.opened']);
    expect(await statusOf(letter.id)).toMatchObject({ status: 'opened' });
  });

  it('moves only forward whatever order events arrive in', async () => {
    const { ada } = await adaWithLetter();
    const deliveredFirst = await seedLetter(ada.id);
    await deliver(eventFor(deliveredFirst, 'email.delivered'), secret());
    await deliver(eventFor(deliveredFirst, 'email.sent', { at: new Date(Date.now() - 60_000) }), secret());
    expect(await statusOf(deliveredFirst.id)).toMatchObject({ status: 'delivered' });

    const openedFirst = await seedLetter(ada.id);
    await deliver(eventFor(openedFirst, 'email.opened'), secret());
    await deliver(eventFor(openedFirst, 'email.delivered'), secret());
    expect(await statusOf(openedFirst.id)).toMatchObject({ status: 'opened' });

    const bounced = await seedLetter(ada.id);
    await deliver(eventFor(bounced, 'email.bounced', { data: { bounce: { type: 'Permanent', subType: 'General', message: 'No such mailbox' } } }), secret());
    await deliver(eventFor(bounced, 'email.delivered'), secret());
    await deliver(eventFor(bounced, 'email.opened'), secret());
    expect(await statusOf(bounced.id)).toEqual({ status: 'bounced', lastError: 'No such mailbox' });
    // Every delivery is still kept for the timeline, even those that changed nothing.
    expect((await allEvents()).filter((e) => e.letterId === bounced.id)).toHaveLength(3);
  });

  it('answers 2xx to a type it does not track, and stores nothing', async () => {
    const { letter } = await adaWithLetter();

    for (const type of ['email.scheduled', 'contact.created', 'email.something_new']) {
      const { response, body } = await deliver(eventFor(letter, type), secret());
      expect(response.status).toBe(200);
      expect(body.outcome).toBe('ignored');
    }
    expect(await allEvents()).toHaveLength(0);
    expect(await statusOf(letter.id)).toMatchObject({ status: 'sent' });
  });

  it('keeps an event for an unknown email unmatched, answers 2xx, and changes no letter', async () => {
    const { letter } = await adaWithLetter();

    const { response, body } = await deliver(eventFor(letter, 'email.bounced', { letterId: null, emailId: 'em_unknown' }), secret());

    expect(response.status).toBe(200);
    expect(body.outcome).toBe('unmatched');
    expect(await allEvents()).toMatchObject([{ letterId: null, userId: null, emailId: 'em_unknown', tagLetterId: null }]);
    expect(await statusOf(letter.id)).toMatchObject({ status: 'sent' });
    expect(await db.select().from(flaggedAddresses)).toHaveLength(0);
  });
});
