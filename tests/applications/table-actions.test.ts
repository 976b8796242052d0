import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/user';
import { setupTestDatabase } from '../support/database';
import { form, movesOf, seedApplication, seedPerson, stageOf } from './board-seed';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({ getUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { updateSelectedApplications } = await import('@/app/(app)/applications/actions');

setupTestDatabase();

const bulk = (fields: Record<string, string>) => updateSelectedApplications({ ok: false }, form(fields));

describe('updateSelectedApplications (the table’s bulk actions)', () => {
  let ada: SessionUser;
  beforeEach(async () => {
    ada = await seedPerson();
    session.user = ada;
  });

  it('moves every selected application, each with its own history row and event', async () => {
    const a = await seedApplication(ada.id, { stage: 'wishlist' });
    const b = await seedApplication(ada.id, { stage: 'applied', company: 'Globex' });
    const c = await seedApplication(ada.id, { stage: 'interviewing', company: 'Initech' });
    const result = await bulk({ ids: `${a},${b},${c}`, intent: 'move', stage: 'interviewing' });
    expect(result).toMatchObject({ ok: true, message: 'Moved 2 applications to Interviewing. 1 was already there.' });
    for (const id of [a, b, c]) expect((await stageOf(id)).stage).toBe('interviewing');
    expect((await movesOf(a)).history.at(-1)).toMatchObject({ fromStage: 'wishlist', toStage: 'interviewing' });
    expect((await movesOf(b)).events).toHaveLength(1);
    // Already there: nothing written.
    expect((await movesOf(c)).history).toHaveLength(1);
    expect((await movesOf(c)).events).toHaveLength(0);
  });

  it('ignores another person’s ids and malformed ones, and says how many could not be found', async () => {
    const bob = await seedPerson('Bob');
    const bobs = await seedApplication(bob.id, { stage: 'wishlist' });
    const mine = await seedApplication(ada.id, { stage: 'wishlist' });
    const result = await bulk({ ids: `${mine},${bobs},not-a-uuid`, intent: 'move', stage: 'offer' });
    expect(result).toMatchObject({ ok: true, message: 'Moved 1 application to Offer. 2 could not be found.' });
    expect((await stageOf(mine)).stage).toBe('offer');
    expect((await stageOf(bobs)).stage).toBe('wishlist');
    expect((await movesOf(bobs)).history).toHaveLength(1);
  });

  it('refuses outright when none of the ids are the person’s own', async () => {
    const bob = await seedPerson('Bob');
    const bobs = await seedApplication(bob.id);
    const moved = await bulk({ ids: bobs, intent: 'move', stage: 'offer' });
    expect(moved).toMatchObject({ ok: false, message: 'Moved 0 applications to Offer. 1 could not be found.' });
    const archived = await bulk({ ids: bobs, intent: 'archive' });
    expect(archived).toMatchObject({ ok: false, message: 'Archived 0 applications. 1 could not be found.' });
    expect(await stageOf(bobs)).toEqual({ stage: 'wishlist', archived: false });
  });

  it('archives and unarchives the selected applications only', async () => {
    const a = await seedApplication(ada.id);
    const b = await seedApplication(ada.id, { company: 'Globex' });
    const untouched = await seedApplication(ada.id, { company: 'Initech' });
    expect(await bulk({ ids: `${a},${b}`, intent: 'archive' })).toMatchObject({ ok: true, message: 'Archived 2 applications.' });
    expect((await stageOf(a)).archived).toBe(true);
    expect((await stageOf(b)).archived).toBe(true);
    expect((await stageOf(untouched)).archived).toBe(false);
    expect(await bulk({ ids: a, intent: 'unarchive' })).toMatchObject({ ok: true, message: 'Unarchived 1 application.' });
    expect((await stageOf(a)).archived).toBe(false);
  });

  it('asks for a selection, a known action and, to move, a stage', async () => {
    const a = await seedApplication(ada.id);
    expect((await bulk({ ids: '', intent: 'archive' })).fieldErrors?.ids).toEqual(['Select at least one application.']);
    expect((await bulk({ ids: a, intent: 'delete' })).fieldErrors?.intent).toEqual(['Choose what to do with the selected applications.']);
    expect((await bulk({ ids: a, intent: 'move', stage: '' })).fieldErrors?.stage).toEqual(['Choose the stage to move them to.']);
    expect((await bulk({ ids: a, intent: 'move', stage: 'hired' })).fieldErrors?.stage).toBeDefined();
    const tooMany = Array.from({ length: 101 }, () => crypto.randomUUID()).join(',');
    expect((await bulk({ ids: tooMany, intent: 'archive' })).fieldErrors?.ids?.[0]).toMatch(/at most 100/);
    expect(await stageOf(a)).toEqual({ stage: 'wishlist', archived: false });
  });

  it('ignores a userId field smuggled into the form', async () => {
    const bob = await seedPerson('Bob');
    const bobs = await seedApplication(bob.id);
    const result = await bulk({ ids: bobs, intent: 'archive', userId: bob.id });
    expect(result.ok).toBe(false);
    expect((await stageOf(bobs)).archived).toBe(false);
  });
});
