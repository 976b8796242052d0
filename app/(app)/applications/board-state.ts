import type { BoardCard } from '@/db/queries/pipeline';
import type { ApplicationStage } from '@/lib/pipeline/stages';

export type BoardCardState = BoardCard & { pending?: boolean };

/** A column of the board: its count, and its cards, or null while the column is collapsed. */
export type BoardColumnState = { stage: ApplicationStage; count: number; cards: BoardCardState[] | null };

/** Cards a column loaded with "Show more", kept on the page until it is left. */
export type MoreCards = Partial<Record<ApplicationStage, BoardCardState[]>>;

/**
 * The page's columns with the cards loaded since. A card the fresh page
 * already shows (moved, so now among the first) is not shown twice.
 */
export function withMore(columns: BoardColumnState[], more: MoreCards): BoardColumnState[] {
  const shown = new Set(columns.flatMap((column) => column.cards ?? []).map((card) => card.id));
  return columns.map((column) => {
    const extra = column.cards && more[column.stage]?.filter((card) => !shown.has(card.id));
    return extra?.length ? { ...column, cards: [...column.cards!, ...extra] } : column;
  });
}

export type BoardMove = { card: BoardCardState; to: ApplicationStage; at: Date };

export const cardName = (card: Pick<BoardCard, 'company' | 'position'>) => `${card.company} — ${card.position}`;

/**
 * The board as it will look once a move is saved: the card leaves its column
 * and heads the new one (it is now the most recently moved), counts follow,
 * and it is marked pending until the server answers. A collapsed column only
 * counts it.
 */
export function applyMove(columns: BoardColumnState[], { card, to, at }: BoardMove): BoardColumnState[] {
  if (card.stage === to) return columns;
  return columns.map((column) => {
    if (column.stage === card.stage) {
      return { ...column, count: Math.max(0, column.count - 1), cards: column.cards?.filter((c) => c.id !== card.id) ?? null };
    }
    if (column.stage === to) {
      const moved = { ...card, stage: to, stageChangedAt: at, pending: true };
      return { ...column, count: column.count + 1, cards: column.cards ? [moved, ...column.cards.filter((c) => c.id !== card.id)] : null };
    }
    return column;
  });
}
