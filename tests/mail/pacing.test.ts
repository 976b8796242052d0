import { afterEach, describe, expect, it } from 'vitest';
import { changeSendPacing, clearSendPacing, nextSendSlotIn, takeSendSlot } from '@/db/queries/send-pacing';
import { BULK_LOOKAHEAD_MS, DEFAULT_SPACING_MS } from '@/lib/mail/pacing';
import { pacer } from '@/server/mail/pacer';
import { restoreEnv, useOutboxMode, useResendMode } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';

setupTestDatabase();
afterEach(async () => {
  restoreEnv();
  await clearSendPacing();
});

/** How many slots fall in the busiest one-second window. */
function busiestSecond(slots: Date[]): number {
  const times = slots.map((slot) => slot.getTime()).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i += 1) {
    while (times[i] - times[j] >= 1000) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('the shared pace of sending', () => {
  it('gives 30 concurrent takers 30 slots a spacing apart: never more than the limit in any second', async () => {
    await changeSendPacing({ spacingMs: 250 }); // a limit of 5 a second, less one for sign-in mail
    const slots = (await Promise.all(Array.from({ length: 30 }, () => takeSendSlot()))).map((s) => s.slotAt);
    const sorted = [...slots].sort((a, b) => a.getTime() - b.getTime());
    for (let i = 1; i < sorted.length; i += 1) expect(sorted[i].getTime() - sorted[i - 1].getTime()).toBeGreaterThanOrEqual(249);
    expect(busiestSecond(slots)).toBeLessThanOrEqual(4);
  });

  it('a 429 heard by one process holds every taker until its wait is over', async () => {
    await takeSendSlot();
    const heardAt = Date.now();
    await changeSendPacing({ holdMs: 3000 });
    const { slotAt, waitMs } = await takeSendSlot();
    expect(slotAt.getTime()).toBeGreaterThanOrEqual(heardAt + 2900);
    expect(waitMs).toBeGreaterThan(2500);
  });

  it('starts at once when nothing was heard, and a new spacing applies from the next slot', async () => {
    expect((await takeSendSlot()).waitMs).toBeLessThan(50);
    await changeSendPacing({ spacingMs: 500 });
    const first = await takeSendSlot();
    const second = await takeSendSlot();
    expect(second.slotAt.getTime() - first.slotAt.getTime()).toBeGreaterThanOrEqual(499);
  });

  it('a taker that will not wait long takes no slot further off, and leaves it to the next taker', async () => {
    await changeSendPacing({ holdMs: 3000 });
    expect(await takeSendSlot('resend', 1500)).toBeNull();
    // The slot it declined is still the next one: the first to take it waits the 3 s, not one spacing more.
    const next = await takeSendSlot();
    expect(next.waitMs).toBeGreaterThan(2500);
    expect(next.waitMs).toBeLessThanOrEqual(3000);
    await clearSendPacing();
    expect(await takeSendSlot('resend', 1500)).toMatchObject({ waitMs: expect.any(Number) });
  });
});

describe('the pacer: mail nobody waits for never books ahead of a person waiting', () => {
  it('a sign-in link asked for while letters wait takes the next slot, and the letters the ones after', async () => {
    useResendMode('http://127.0.0.1:9');
    await takeSendSlot(); // a letter just left: the next slot is one spacing off
    const started = Date.now();
    const finished: Record<string, number> = {};
    const letters = [1, 2].map((n) => pacer.wait().then(() => (finished[`letter ${n}`] = Date.now() - started)));
    // Asked for after both letters began to wait: the letters did not book the next slot.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await pacer.waitForPersonSlot(2_000).then(() => (finished.signIn = Date.now() - started));
    await Promise.all(letters);

    expect(finished.signIn).toBeLessThan(DEFAULT_SPACING_MS + 150);
    const [first, second] = [finished['letter 1'], finished['letter 2']].sort((a, b) => a - b);
    expect(first).toBeGreaterThanOrEqual(finished.signIn + DEFAULT_SPACING_MS - 20);
    expect(second).toBeGreaterThanOrEqual(first + DEFAULT_SPACING_MS - 20);
  });

  it('any number of letter senders at once leave a spacing apart, never more than the limit in any second', async () => {
    useResendMode('http://127.0.0.1:9');
    const times = await Promise.all(Array.from({ length: 5 }, () => pacer.wait().then(() => new Date())));
    expect(busiestSecond(times)).toBeLessThanOrEqual(2);
    // None of them booked a slot ahead: the pace's next slot is within one spacing.
    expect(await nextSendSlotIn()).toBeLessThanOrEqual(DEFAULT_SPACING_MS + BULK_LOOKAHEAD_MS);
  });

  it('the local outbox has no limit: nothing waits, and no slot is taken', async () => {
    useOutboxMode();
    await changeSendPacing({ holdMs: 5_000 });
    const started = Date.now();
    await pacer.wait();
    await pacer.waitForPersonSlot(2_000);
    expect(await pacer.reserve(1_500)).toBe(0);
    expect(Date.now() - started).toBeLessThan(200);
  });
});
