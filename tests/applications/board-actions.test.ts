import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/user';
import { setupTestDatabase } from '../support/database';
import { form, movesOf, seedApplication, seedPerson, stageOf } from './board-seed';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({ getUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { loadMoreCards, moveApplication } = await import('@/app/(app)/applications/actions');

setupTestDatabase();

const move = (applicationId: string, stage: string) => moveApplication({ ok: false }, form({ applicationId, stage }));

describe('moveApplication (the board’s drag, keyboard and menu moves)', () => {
  let ada: SessionUser;
  beforeEach(async () => {
    ada = await seedPerson();
    session.user = ada;
  });

  it('moves the application and keeps the move as history and as a timeline event', async () => {
    const id = await seedApplication(ada.id, { stage: 'wishlist' });
    const result = await move(id, 'applied');
    expect(result).toMatchObject({ ok: true, message: 'Moved to Applied.' });
    expect((await stageOf(id)).stage).toBe('applied');
    const { history, events } = await movesOf(id);
    expect(history.map((h) => [h.fromStage, h.toStage])).toEqual([
      [null, 'wishlist'],
      ['wishlist', 'applied'],
    ]);
    expect(events).toHaveLength(1);
    expect(events[0].detail).toMatchObject({ from: 'wishlist', to: 'applied' });
  });

  it('does nothing when the application is already in that stage', async () => {
    const id = await seedApplication(ada.id, { stage: 'applied' });
    const result = await move(id, 'applied');
    expect(result).toMatchObject({ ok: true, message: 'It was already in Applied.' });
    const { history, events } = await movesOf(id);
    expect(history).toHaveLength(1);
    expect(events).toHaveLength(0);
  });

  it('refuses another person’s application as not found, and leaves it alone', async () => {
    const bob = await seedPerson('Bob');
    const bobs = await seedApplication(bob.id, { stage: 'wishlist' });
    const result = await move(bobs, 'offer');
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/could not be found/);
    expect((await stageOf(bobs)).stage).toBe('wishlist');
    expect((await movesOf(bobs)).history).toHaveLength(1);
  });

  it('treats a malformed id as missing, without an error page', async () => {
    const result = await move('not-a-uuid', 'applied');
    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.applicationId).toEqual(['That item could not be found.']);
  });

  it('refuses a stage that does not exist', async () => {
    const id = await seedApplication(ada.id);
    const result = await move(id, 'hired');
    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.stage).toEqual(['Choose a stage from the list.']);
    expect((await stageOf(id)).stage).toBe('wishlist');
  });

  it('refuses without a session', async () => {
    const id = await seedApplication(ada.id);
    session.user = null;
    const result = await move(id, 'applied');
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/Sign in again/) });
    expect((await stageOf(id)).stage).toBe('wishlist');
  });
});

describe('loadMoreCards (“Show more” in a board column)', () => {
  let ada: SessionUser;
  beforeEach(async () => {
    ada = await seedPerson();
    session.user = ada;
  });
  const more = (fields: Record<string, string>) => loadMoreCards({ ok: false }, form(fields));
  const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 3600 * 1000);

  it('answers the next cards after the one named, newest first', async () => {
    const ids = [];
    for (let day = 1; day <= 3; day++) ids.push(await seedApplication(ada.id, { stage: 'applied', stageChangedAt: daysAgo(day) }));
    const result = await more({ stage: 'applied', afterId: ids[0], afterAt: daysAgo(1).toISOString() });
    expect(result.ok).toBe(true);
    expect(result.data!.map((c) => c.id)).toEqual(ids.slice(1));
  });

  it('refuses bad input with a message, not a 500', async () => {
    const result = await more({ stage: 'nowhere', afterId: 'x', afterAt: 'yesterday' });
    expect(result.ok).toBe(false);
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['afterAt', 'afterId', 'stage']);
  });

  it('gives another person nothing of Ada’s, and a signed-out visitor nothing at all', async () => {
    const id = await seedApplication(ada.id, { stage: 'applied', stageChangedAt: daysAgo(2) });
    session.user = await seedPerson('Bob');
    const bobs = await more({ stage: 'applied', afterId: id, afterAt: new Date().toISOString() });
    expect(bobs).toMatchObject({ ok: true, data: [] });
    session.user = null;
    const signedOut = await more({ stage: 'applied', afterId: id, afterAt: new Date().toISOString() });
    expect(signedOut).toEqual({ ok: false, message: 'Your session has ended. Sign in again to continue.' });
  });
});
