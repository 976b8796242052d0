import { afterEach, describe, expect, it } from 'vitest';
import { changeSendPacing, clearSendPacing, takeSendSlot, takeSendSlotWithin } from '@/db/queries/send-pacing';
import { setupTestDatabase } from '../support/database';

setupTestDatabase();
afterEach(() => clearSendPacing());

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

  it('a taker that will not wait past its limit takes nothing when the slot is further off, and it stays for the next', async () => {
    const first = await takeSendSlot(); // the next is a second on (1/s for letters)
    expect(await takeSendSlotWithin(500)).toBeNull();
    expect(await takeSendSlotWithin(500)).toBeNull();
    const next = await takeSendSlot();
    expect(next.slotAt.getTime() - first.slotAt.getTime()).toBeGreaterThanOrEqual(999);
    expect(next.slotAt.getTime() - first.slotAt.getTime()).toBeLessThan(1500);
    expect(await takeSendSlotWithin(2500)).toMatchObject({ waitMs: expect.any(Number) });
  });

  it('starts at once when nothing was heard, and a new spacing applies from the next slot', async () => {
    expect((await takeSendSlot()).waitMs).toBeLessThan(50);
    await changeSendPacing({ spacingMs: 500 });
    const first = await takeSendSlot();
    const second = await takeSendSlot();
    expect(second.slotAt.getTime() - first.slotAt.getTime()).toBeGreaterThanOrEqual(499);
  });
});
