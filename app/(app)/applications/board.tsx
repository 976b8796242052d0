'use client';

import { useEffect, useMemo, useOptimistic, useRef, useState, useTransition } from 'react';
import { type ApplicationStage, STAGE_IDS, stageLabel } from '@/lib/pipeline/stages';
import { loadMoreCards, moveApplication } from './actions';
import { cardButton } from './board-card';
import { BoardColumn, EndedColumns } from './board-column';
import { applyMove, type BoardCardState, type BoardColumnState, cardName, type MoreCards, withMore } from './board-state';
import { StageMenuDialog } from './stage-menu';
import { useKeyboardMove } from './use-keyboard-move';

type Outcome = { ok: boolean; text: string };

/**
 * The pipeline board. A move (drag, keyboard or "Move to…") shows at once
 * through useOptimistic and is saved by a server action; the page's fresh
 * render then takes over. If saving fails, the optimistic state simply ends,
 * so the card is back where it was, and the outcome line says why.
 */
export function Board({ columns, now, showArchived }: { columns: BoardColumnState[]; now: Date; showArchived: boolean }) {
  const [more, setMore] = useState<MoreCards>({});
  const [loading, setLoading] = useState<ApplicationStage | null>(null);
  const withLoaded = useMemo(() => withMore(columns, more), [columns, more]);
  const [board, addMove] = useOptimistic(withLoaded, applyMove);
  const [, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [narration, setNarration] = useState('');
  const [dragging, setDragging] = useState<BoardCardState | null>(null);
  const [dropTarget, setDropTarget] = useState<ApplicationStage | null>(null);
  const [menuFor, setMenuFor] = useState<BoardCardState | null>(null);
  // A moved card is rendered anew in its new column; keyboard focus follows it there (a selector).
  const refocus = useRef<string | null>(null);

  useEffect(() => {
    if (!refocus.current) return;
    const element = document.querySelector<HTMLElement>(refocus.current);
    if (element) {
      element.focus();
      refocus.current = null;
    }
  });

  function move(card: BoardCardState, to: ApplicationStage, focus?: 'handle' | 'move') {
    const name = cardName(card);
    if (card.stage === to) return;
    const expanded = board.some((c) => c.stage === to && c.cards);
    if (focus) refocus.current = expanded ? cardButton(card.id, focus) : `#stage-link-${to}`;
    setOutcome({ ok: true, text: `Moving ${name} to ${stageLabel(to)}…` });
    startTransition(async () => {
      addMove({ card, to, at: new Date() });
      const form = new FormData();
      form.set('applicationId', card.id);
      form.set('stage', to);
      let result;
      try {
        result = await moveApplication({ ok: false }, form);
      } catch {
        result = { ok: false, message: 'Afterword could not be reached.' };
      }
      if (result.ok) {
        // The fresh page shows it where it went; a loaded copy in its old column must go.
        setMore((loaded) => Object.fromEntries(Object.entries(loaded).map(([stage, cards]) => [stage, cards.filter((c) => c.id !== card.id)])));
        setOutcome({ ok: true, text: `Moved ${name} to ${stageLabel(to)}.` });
      } else {
        if (focus) refocus.current = cardButton(card.id, focus);
        setOutcome({ ok: false, text: `Could not move ${name}: ${result.message ?? 'please try again.'} It is back in ${stageLabel(card.stage)}.` });
      }
    });
  }

  /** "Show more": the column's next cards, after the last one it shows. */
  async function showMore(column: BoardColumnState) {
    const last = column.cards?.at(-1);
    if (!last || loading) return;
    setLoading(column.stage);
    const form = new FormData();
    form.set('stage', column.stage);
    form.set('afterId', last.id);
    form.set('afterAt', last.stageChangedAt.toISOString());
    form.set('archived', showArchived ? 'shown' : 'hidden');
    let result;
    try {
      result = await loadMoreCards({ ok: false }, form);
    } catch {
      result = { ok: false, message: 'Afterword could not be reached.' };
    }
    setLoading(null);
    if (!result.ok || !result.data) {
      setOutcome({ ok: false, text: `Could not show more of ${stageLabel(column.stage)}: ${result.message ?? 'please try again.'}` });
      return;
    }
    const loaded = result.data;
    setMore((current) => ({ ...current, [column.stage]: [...(current[column.stage] ?? []), ...loaded] }));
    const shown = (column.cards?.length ?? 0) + loaded.length;
    setOutcome({ ok: true, text: `Showing ${shown} of ${column.count} in ${stageLabel(column.stage)}.` });
  }

  const keyboard = useKeyboardMove({ stages: STAGE_IDS, onDrop: (card, to) => move(card, to, 'handle'), narrate: setNarration });
  const highlighted = keyboard.lifted?.target ?? dropTarget;

  // The stage chosen with the arrow keys may be off screen (a phone, or unfolded endings): bring it into view.
  const keyboardTarget = keyboard.lifted?.target;
  useEffect(() => {
    if (!keyboardTarget) return;
    const target = document.getElementById(`column-${keyboardTarget}`) ?? document.getElementById(`stage-link-${keyboardTarget}`);
    target?.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'smooth' });
  }, [keyboardTarget]);

  const drop = {
    onDragOver: (stage: ApplicationStage) => {
      if (!dragging) return false;
      setDropTarget(stage);
      return true;
    },
    onDragLeave: (stage: ApplicationStage) => setDropTarget((current) => (current === stage ? null : current)),
    onDrop: (stage: ApplicationStage) => {
      if (dragging) move(dragging, stage);
      setDragging(null);
      setDropTarget(null);
    },
  };

  const card = {
    now,
    liftedId: keyboard.lifted?.card.id ?? null,
    onDragStart: setDragging,
    onDragEnd: () => {
      setDragging(null);
      setDropTarget(null);
    },
    onHandleClick: keyboard.toggle,
    onHandleKeyDown: keyboard.keyDown,
    onHandleBlur: keyboard.cancel,
    onMenuOpen: setMenuFor,
  };

  const expanded = board.filter((c) => c.cards);
  const collapsed = board.filter((c) => !c.cards);

  return (
    <>
      <p id="board-keyboard-help" className="sr-only">
        To move a card with the keyboard, press Space or Enter on its “Pick up” button, choose a stage with the arrow
        keys, and press Space or Enter again to drop it. Escape cancels. Or use its “Move to…” button.
      </p>
      <p aria-live="assertive" className="sr-only">
        {narration}
      </p>
      <p role="status" aria-live="polite" className={`mb-3 min-h-5 text-sm ${outcome?.ok === false ? 'text-red-700' : 'text-stone-700'}`}>
        {outcome?.text}
      </p>
      <div
        role="region"
        aria-label="Pipeline board"
        tabIndex={0}
        // relative: the sr-only text of cards far to the right must be clipped here, not widen the page.
        className="relative snap-x snap-mandatory overflow-x-auto pb-4 focus-visible:outline-offset-4"
      >
        <div className="flex w-max items-start gap-3">
          {expanded.map((column) => (
            <BoardColumn
              key={column.stage}
              column={column}
              highlighted={highlighted === column.stage}
              showArchived={showArchived}
              drop={drop}
              card={card}
              loading={loading === column.stage}
              onShowMore={() => showMore(column)}
            />
          ))}
          {collapsed.length > 0 && (
            <EndedColumns columns={collapsed} highlighted={highlighted} showArchived={showArchived} drop={drop} />
          )}
        </div>
      </div>
      <StageMenuDialog
        target={menuFor && { subject: cardName(menuFor), current: menuFor.stage }}
        onChoose={(to) => menuFor && move(menuFor, to, 'move')}
        onClose={() => setMenuFor(null)}
      />
    </>
  );
}
