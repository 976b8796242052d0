import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { rowsOf } from '@/db/rows';
import { boardCards, moreBoardCards, stageCounts } from '@/db/queries/pipeline';
import { setupTestDatabase } from '../support/database';
import { seedApplication, seedContact, seedPerson } from './board-seed';

setupTestDatabase();

const ACTIVE = ['wishlist', 'applied', 'interviewing', 'offer'] as const;
const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 3600 * 1000);

describe('stageCounts', () => {
  it('counts each stage, archived apart, and only for the person asking', async () => {
    const ada = await seedPerson();
    const bob = await seedPerson('Bob');
    await seedApplication(ada.id, { stage: 'wishlist' });
    await seedApplication(ada.id, { stage: 'wishlist', company: 'Globex' });
    await seedApplication(ada.id, { stage: 'applied', archived: true });
    await seedApplication(ada.id, { stage: 'rejected' });
    await seedApplication(bob.id, { stage: 'wishlist' });
    await seedApplication(bob.id, { stage: 'offer' });

    const counts = await stageCounts(ada.id);
    expect(counts.active).toEqual({ wishlist: 2, applied: 0, interviewing: 0, offer: 0, accepted: 0, rejected: 1, withdrawn: 0, declined: 0, ghosted: 0 });
    expect(counts.archived.applied).toBe(1);
    expect(Object.values(counts.archived).reduce((a, b) => a + b)).toBe(1);
  });

  it('is all zeros for someone with no applications', async () => {
    const ada = await seedPerson();
    const counts = await stageCounts(ada.id);
    expect(Object.values(counts.active).every((n) => n === 0)).toBe(true);
  });
});

describe('boardCards', () => {
  it('gives each card its company, position, stage time and primary contact', async () => {
    const ada = await seedPerson();
    const id = await seedApplication(ada.id, { company: 'Acme Rockets', position: 'Flight Engineer', stage: 'applied' });
    await seedContact(ada.id, id, 'Grace Hopper', true);
    await seedContact(ada.id, id, 'Not Primary');
    const other = await seedApplication(ada.id, { company: 'Globex', position: 'Analyst', stage: 'applied' });
    await seedContact(ada.id, other, 'Only Interviewer');

    const cards = await boardCards(ada.id, { stages: ACTIVE, includeArchived: false });
    expect(cards).toHaveLength(2);
    const acme = cards.find((c) => c.id === id)!;
    expect(acme).toMatchObject({ company: 'Acme Rockets', position: 'Flight Engineer', stage: 'applied', archived: false, primaryContact: 'Grace Hopper' });
    expect(acme.stageChangedAt).toBeInstanceOf(Date);
    expect(cards.find((c) => c.id === other)!.primaryContact).toBeNull();
  });

  it('keeps the most recently moved per column, newest first, and only the stages asked for', async () => {
    const ada = await seedPerson();
    const wishlist = [];
    for (let day = 1; day <= 5; day++) wishlist.push(await seedApplication(ada.id, { position: `Role ${day}`, stageChangedAt: daysAgo(day) }));
    const applied = await seedApplication(ada.id, { stage: 'applied', stageChangedAt: daysAgo(30) });
    await seedApplication(ada.id, { stage: 'rejected' });

    const cards = await boardCards(ada.id, { stages: ACTIVE, includeArchived: false, perColumn: 3 });
    expect(cards.filter((c) => c.stage === 'wishlist').map((c) => c.id)).toEqual(wishlist.slice(0, 3));
    expect(cards.filter((c) => c.stage === 'applied').map((c) => c.id)).toEqual([applied]);
    expect(cards.some((c) => c.stage === 'rejected')).toBe(false);
  });

  it('leaves archived applications out unless asked', async () => {
    const ada = await seedPerson();
    const archived = await seedApplication(ada.id, { archived: true });
    const active = await seedApplication(ada.id);
    expect((await boardCards(ada.id, { stages: ACTIVE, includeArchived: false })).map((c) => c.id)).toEqual([active]);
    const all = await boardCards(ada.id, { stages: ACTIVE, includeArchived: true });
    expect(all.map((c) => c.id).sort()).toEqual([active, archived].sort());
    expect(all.find((c) => c.id === archived)!.archived).toBe(true);
  });

  it('keeps a column’s newest across archived and not when both show', async () => {
    const ada = await seedPerson();
    const newest = await seedApplication(ada.id, { archived: true, stageChangedAt: daysAgo(1) });
    const second = await seedApplication(ada.id, { stageChangedAt: daysAgo(2) });
    await seedApplication(ada.id, { archived: true, stageChangedAt: daysAgo(3) });
    await seedApplication(ada.id, { stageChangedAt: daysAgo(4) });

    const cards = await boardCards(ada.id, { stages: ACTIVE, includeArchived: true, perColumn: 2 });
    expect(cards.map((c) => c.id)).toEqual([newest, second]);
  });

  it('never shows another person’s applications or contacts', async () => {
    const ada = await seedPerson();
    const bob = await seedPerson('Bob');
    const bobs = await seedApplication(bob.id, { company: 'Bob Corp' });
    await seedContact(bob.id, bobs, 'Bob’s Contact', true);
    expect(await boardCards(ada.id, { stages: ACTIVE, includeArchived: true })).toEqual([]);
    expect(await boardCards(ada.id, { stages: [], includeArchived: true })).toEqual([]);
  });
});

describe('moreBoardCards ("Show more" in a column)', () => {
  it('goes on after the last card shown, in the board’s order, until the column ends', async () => {
    const ada = await seedPerson();
    const wishlist = [];
    for (let day = 1; day <= 7; day++) wishlist.push(await seedApplication(ada.id, { position: `Role ${day}`, stageChangedAt: daysAgo(day) }));
    await seedApplication(ada.id, { stage: 'applied', stageChangedAt: daysAgo(10) });
    const first = await boardCards(ada.id, { stages: ACTIVE, includeArchived: false, perColumn: 3 });
    const last = first.filter((c) => c.stage === 'wishlist').at(-1)!;

    const next = await moreBoardCards(ada.id, { stage: 'wishlist', includeArchived: false, after: { at: last.stageChangedAt, id: last.id }, limit: 3 });
    expect(next.map((c) => c.id)).toEqual(wishlist.slice(3, 6));
    const end = next.at(-1)!;
    const rest = await moreBoardCards(ada.id, { stage: 'wishlist', includeArchived: false, after: { at: end.stageChangedAt, id: end.id } });
    expect(rest.map((c) => c.id)).toEqual(wishlist.slice(6));
  });

  it('loses no card that shares the last one’s millisecond (the database keeps microseconds)', async () => {
    const ada = await seedPerson();
    for (let i = 0; i < 4; i++) await seedApplication(ada.id, { position: `Same ${i}` });
    // Four times within one millisecond, a microsecond apart: the page rounds them all to the same one.
    await db.execute(sql`
      update applications set stage_changed_at = timestamptz '2026-12-01 12:00:00.123Z' + x.n * interval '1 microsecond'
      from (select id, row_number() over (order by id) as n from applications where user_id = ${ada.id}) x
      where applications.id = x.id`);
    const ordered = (await rowsOf<{ id: string }>(sql`select id from applications where user_id = ${ada.id} order by stage_changed_at desc, id desc`)).map((r) => r.id);
    expect(ordered).toHaveLength(4);
    const next = await moreBoardCards(ada.id, { stage: 'wishlist', includeArchived: false, after: { at: new Date('2026-12-01T12:00:00.123Z'), id: ordered[0] } });
    expect(next.map((c) => c.id)).toEqual(ordered.slice(1));
  });

  it('shows archived cards only when asked, and never another person’s', async () => {
    const ada = await seedPerson();
    const bob = await seedPerson('Bob');
    const newest = await seedApplication(ada.id, { stageChangedAt: daysAgo(1) });
    const archived = await seedApplication(ada.id, { archived: true, stageChangedAt: daysAgo(2) });
    await seedApplication(bob.id, { stageChangedAt: daysAgo(3) });
    const after = { at: daysAgo(1), id: newest };
    expect(await moreBoardCards(ada.id, { stage: 'wishlist', includeArchived: false, after })).toEqual([]);
    expect((await moreBoardCards(ada.id, { stage: 'wishlist', includeArchived: true, after })).map((c) => c.id)).toEqual([archived]);
    // Bob, given Ada's card as his cursor, gets nothing of Ada's.
    const bobs = await moreBoardCards(bob.id, { stage: 'wishlist', includeArchived: true, after: { at: new Date(), id: newest } });
    expect(bobs.every((c) => c.id !== newest && c.id !== archived)).toBe(true);
  });
});
