'use client';

import Link from 'next/link';
import type { KeyboardEvent } from 'react';
import { type BoardCardState, cardName } from './board-state';
import { stageAge } from './stage-age';

export type CardHandlers = {
  now: Date;
  liftedId: string | null;
  onDragStart: (card: BoardCardState) => void;
  onDragEnd: () => void;
  onHandleClick: (card: BoardCardState) => void;
  onHandleKeyDown: (card: BoardCardState, event: KeyboardEvent) => void;
  onHandleBlur: (card: BoardCardState) => void;
  /** Opens the board's one "Move to…" dialog for this card. */
  onMenuOpen: (card: BoardCardState) => void;
};

/**
 * One application on the board: what it is, how long it has waited, who to
 * write to, and three ways to move it. A board carries up to 25 cards a
 * column, so the markup is kept short: its looks are the `board-card`
 * classes in app/globals.css, and "Move to…" opens the board's one dialog.
 */
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
      data-lifted={lifted || undefined}
      className="board-card"
    >
      <div className="board-card-head">
        <h3 id={`card-${card.id}`}>
          <Link href={`/applications/${card.id}`} draggable={false}>
            <b>{card.company}</b>
            <span>{card.position}</span>
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
          className="board-card-handle"
        />
      </div>
      <p className="board-card-note">
        <time dateTime={card.stageChangedAt.toISOString()}>{stageAge(card.stageChangedAt, handlers.now)}</time>
      </p>
      {card.primaryContact && (
        <p className="board-card-note">
          <span className="sr-only">Primary contact: </span>
          <span aria-hidden>✉ </span>
          {card.primaryContact}
        </p>
      )}
      <div className="board-card-foot">
        {card.archived && <span className="mr-auto font-medium">Archived</span>}
        {card.pending && (
          <span className="mr-auto inline-flex items-center gap-1">
            <span aria-hidden className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />
            Saving…
          </span>
        )}
        <button id={`menu-${card.id}`} type="button" onClick={() => handlers.onMenuOpen(card)} className="board-card-move">
          Move to…<span className="sr-only"> ({name})</span>
        </button>
      </div>
    </article>
  );
}
