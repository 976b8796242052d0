import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/user';
import { setupTestDatabase } from '../support/database';
import { form, movesOf, seedApplication, seedPerson, stageOf } from './board-seed';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({ getUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { moveApplication } = await import('@/app/(app)/applications/actions');

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
