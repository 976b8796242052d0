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

/** Finds a card's "Pick up" or "Move to…" button, to give it focus again after a move. */
export const cardButton = (id: string, button: 'handle' | 'move') => `[aria-labelledby="card-${id}"] .board-card-${button}`;

/**
 * One application on the board: what it is, how long it has waited, who to
 * write to, and three ways to move it. A board carries many cards, so the
 * markup is kept short: its looks are the `board-card` classes in
 * app/globals.css, the buttons carry no ids of their own (cardButton finds
 * them), and "Move to…" opens the board's one dialog.
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
        <p className="board-card-note board-card-contact">
          <span className="sr-only">Primary contact: </span>
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
        <button type="button" aria-label={`Move to… (${name})`} onClick={() => handlers.onMenuOpen(card)} className="board-card-move">
          Move to…
        </button>
      </div>
    </article>
  );
}
