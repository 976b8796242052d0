'use client';

import Link from 'next/link';
import type { KeyboardEvent } from 'react';
import type { ApplicationStage } from '@/lib/pipeline/stages';
import { type BoardCardState, cardName } from './board-state';
import { stageAge } from './stage-age';
import { StageMenu } from './stage-menu';

export type CardHandlers = {
  now: Date;
  liftedId: string | null;
  onDragStart: (card: BoardCardState) => void;
  onDragEnd: () => void;
  onHandleClick: (card: BoardCardState) => void;
  onHandleKeyDown: (card: BoardCardState, event: KeyboardEvent) => void;
  onHandleBlur: (card: BoardCardState) => void;
  onMenuChoose: (card: BoardCardState, to: ApplicationStage) => void;
};

/** One application on the board: what it is, how long it has waited, who to write to, and three ways to move it. */
export function BoardCardView({ card, handlers }: { card: BoardCardState; handlers: CardHandlers }) {
  const name = cardName(card);
  const lifted = handlers.liftedId === card.id;
  return (
    <article
      aria-labelledby={`card-${card.id}`}
      aria-busy={card.pending || undefined}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', card.id);
        event.dataTransfer.effectAllowed = 'move';
        handlers.onDragStart(card);
      }}
      onDragEnd={handlers.onDragEnd}
      className={`cursor-grab rounded-md border bg-white p-3 shadow-sm active:cursor-grabbing ${
        lifted ? 'border-accent ring-2 ring-accent' : 'border-stone-200'
      } ${card.pending ? 'opacity-75' : ''}`}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 id={`card-${card.id}`} className="min-w-0 text-sm">
          <Link href={`/applications/${card.id}`} draggable={false} className="block break-words hover:underline">
            <span className="block font-semibold text-stone-900">{card.company}</span>
            <span className="block text-stone-700">{card.position}</span>
          </Link>
        </h3>
        <button
          id={`handle-${card.id}`}
          type="button"
          aria-label={`Pick up ${name}`}
          aria-describedby="board-keyboard-help"
          aria-pressed={lifted}
          onClick={() => handlers.onHandleClick(card)}
          onKeyDown={(event) => handlers.onHandleKeyDown(card, event)}
          onBlur={() => handlers.onHandleBlur(card)}
          className="-m-1 shrink-0 cursor-grab rounded p-2 text-stone-600 hover:bg-stone-100 aria-pressed:bg-accent-soft aria-pressed:text-accent"
        >
          <svg aria-hidden viewBox="0 0 10 16" className="h-4 w-2.5 fill-current">
            {[2, 8, 14].flatMap((y) => [2, 8].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.5" />))}
          </svg>
        </button>
      </div>
      <p className="mt-2 text-xs text-stone-600">
        <time dateTime={card.stageChangedAt.toISOString()}>{stageAge(card.stageChangedAt, handlers.now)}</time>
      </p>
      {card.primaryContact && (
        <p className="mt-1 truncate text-xs text-stone-700">
          <span className="sr-only">Primary contact: </span>
          <span aria-hidden>✉ </span>
          {card.primaryContact}
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-center justify-end gap-2">
        {card.archived && <span className="mr-auto text-xs font-medium text-stone-600">Archived</span>}
        {card.pending && (
          <span className="mr-auto inline-flex items-center gap-1 text-xs text-stone-600">
            <span aria-hidden className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />
            Saving…
          </span>
        )}
        <StageMenu
          triggerId={`menu-${card.id}`}
          current={card.stage}
          subject={name}
          onChoose={(to) => handlers.onMenuChoose(card, to)}
        />
      </div>
    </article>
  );
}
