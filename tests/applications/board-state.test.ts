import { describe, expect, it } from 'vitest';
import { applyMove, type BoardColumnState, withMore } from '@/app/(app)/applications/board-state';

const card = (id: string, stage: BoardColumnState['stage']) => ({
  id,
  company: 'Acme',
  position: `Role ${id}`,
  stage,
  archived: false,
  stageChangedAt: new Date('2026-01-01T00:00:00Z'),
  primaryContact: null,
});

const board = (): BoardColumnState[] => [
  { stage: 'wishlist', count: 2, cards: [card('a', 'wishlist'), card('b', 'wishlist')] },
  { stage: 'applied', count: 1, cards: [card('c', 'applied')] },
  { stage: 'rejected', count: 7, cards: null },
];

describe('applyMove (what the board shows before the server answers)', () => {
  it('moves the card to the head of its new column, marked pending, and the counts follow', () => {
    const at = new Date('2026-02-02T00:00:00Z');
    const next = applyMove(board(), { card: card('b', 'wishlist'), to: 'applied', at });
    expect(next[0]).toMatchObject({ count: 1, cards: [{ id: 'a' }] });
    expect(next[1].count).toBe(2);
    expect(next[1].cards!.map((c) => c.id)).toEqual(['b', 'c']);
    expect(next[1].cards![0]).toMatchObject({ stage: 'applied', stageChangedAt: at, pending: true });
  });

  it('only counts a card dropped on a folded column', () => {
    const next = applyMove(board(), { card: card('a', 'wishlist'), to: 'rejected', at: new Date() });
    expect(next[0].cards!.map((c) => c.id)).toEqual(['b']);
    expect(next[2]).toEqual({ stage: 'rejected', count: 8, cards: null });
  });

  it('changes nothing when dropped where it already is', () => {
    const before = board();
    expect(applyMove(before, { card: card('a', 'wishlist'), to: 'wishlist', at: new Date() })).toBe(before);
  });
});

describe('withMore (a column’s cards loaded with “Show more”)', () => {
  it('adds them after the page’s own, and leaves collapsed columns alone', () => {
    const columns = withMore(board(), { wishlist: [card('d', 'wishlist')], rejected: [card('e', 'rejected')] });
    expect(columns[0].cards!.map((c) => c.id)).toEqual(['a', 'b', 'd']);
    expect(columns[0].count).toBe(2);
    expect(columns[2].cards).toBeNull();
  });

  it('never shows a card twice when the fresh page already has it elsewhere (it was moved)', () => {
    const columns = withMore(board(), { wishlist: [card('c', 'wishlist'), card('d', 'wishlist')] });
    expect(columns[0].cards!.map((c) => c.id)).toEqual(['a', 'b', 'd']);
    expect(columns[1].cards!.map((c) => c.id)).toEqual(['c']);
  });
});
