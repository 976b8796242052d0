'use client';

import Link from 'next/link';
import type { DragEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Working } from '@/components/ui/submit-button';
import { type ApplicationStage, stageLabel } from '@/lib/pipeline/stages';
import { BoardCardView, type CardHandlers } from './board-card';
import type { BoardColumnState } from './board-state';

export type DropHandlers = {
  /** True when a card is being dragged and may land here. */
  onDragOver: (stage: ApplicationStage) => boolean;
  onDragLeave: (stage: ApplicationStage) => void;
  onDrop: (stage: ApplicationStage) => void;
};

function dropZone(stage: ApplicationStage, drop: DropHandlers) {
  return {
    onDragOver: (event: DragEvent) => {
      if (!drop.onDragOver(stage)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
    },
    onDragLeave: (event: DragEvent) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) drop.onDragLeave(stage);
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      drop.onDrop(stage);
    },
  };
}

export const tableHref = (stage: ApplicationStage, showArchived: boolean) =>
  `/applications/table?stage=${stage}${showArchived ? '&archived=all' : ''}`;

function Count({ count }: { count: number }) {
  return (
    <span className="rounded-full bg-white px-2 text-xs font-medium text-stone-700 ring-1 ring-stone-300">
      {count}
      <span className="sr-only"> {count === 1 ? 'application' : 'applications'}</span>
    </span>
  );
}

const highlight = (on: boolean) => (on ? 'border-accent bg-accent-soft ring-2 ring-accent' : 'border-stone-200');

/**
 * A stage with its cards: the most recently moved first, more on demand,
 * and all of them a link away in the table.
 */
export function BoardColumn({
  column,
  highlighted,
  showArchived,
  drop,
  card,
  loading,
  onShowMore,
}: {
  column: BoardColumnState;
  highlighted: boolean;
  showArchived: boolean;
  drop: DropHandlers;
  card: CardHandlers;
  loading: boolean;
  onShowMore: () => void;
}) {
  const cards = column.cards ?? [];
  const headingId = `column-${column.stage}`;
  return (
    <section
      aria-labelledby={headingId}
      {...dropZone(column.stage, drop)}
      className={`w-[80vw] max-w-72 shrink-0 snap-start rounded-lg border bg-stone-100 p-2 sm:w-56 ${highlight(highlighted)}`}
    >
      <h2 id={headingId} className="flex items-center justify-between gap-2 px-1 pb-2 text-sm font-semibold text-stone-900">
        {stageLabel(column.stage)}
        <Count count={column.count} />
      </h2>
      {cards.length === 0 ? (
        <p className="px-1 py-6 text-center text-sm text-stone-600">Nothing in {stageLabel(column.stage)}.</p>
      ) : (
        <ol className="space-y-2">
          {cards.map((c) => (
            <li key={c.id}>
              <BoardCardView card={c} handlers={card} />
            </li>
          ))}
        </ol>
      )}
      {column.count > cards.length && (
        <div className="mt-2 space-y-2 px-1 text-sm text-stone-700">
          <p>
            The {cards.length} most recently moved of {column.count}.{' '}
            <Link href={tableHref(column.stage, showArchived)} className="font-medium text-accent underline">
              View all in table
            </Link>
          </p>
          {cards.length > 0 && (
            // aria-disabled, not disabled: a disabled button would drop the keyboard's focus while it loads.
            <Button type="button" variant="secondary" className="w-full" onClick={onShowMore} aria-disabled={loading}>
              {loading ? <Working label="Loading…" /> : <>Show more<span className="sr-only"> in {stageLabel(column.stage)}</span></>}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * The endings, folded into one narrow column of counts. Each stage is still
 * a drop target (ending an application is a common move) and a link to its
 * applications in the table.
 */
export function EndedColumns({
  columns,
  highlighted,
  showArchived,
  drop,
}: {
  columns: BoardColumnState[];
  highlighted: ApplicationStage | null;
  showArchived: boolean;
  drop: DropHandlers;
}) {
  return (
    <section aria-labelledby="column-ended" className="w-44 shrink-0 snap-start rounded-lg border border-stone-200 bg-stone-100 p-2 sm:w-40">
      <h2 id="column-ended" className="px-1 pb-1 text-sm font-semibold text-stone-900">
        Ended
      </h2>
      <p className="px-1 pb-2 text-xs text-stone-600">Drop a card on a stage to end it.</p>
      <ul className="space-y-1">
        {columns.map((column) => (
          <li key={column.stage} {...dropZone(column.stage, drop)} className={`rounded-md border ${highlight(highlighted === column.stage)}`}>
            <Link
              id={`stage-link-${column.stage}`}
              href={tableHref(column.stage, showArchived)}
              className="flex items-center justify-between gap-2 rounded-md bg-white px-2 py-3 text-sm text-stone-900 hover:bg-stone-50"
            >
              {stageLabel(column.stage)}
              <Count count={column.count} />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
