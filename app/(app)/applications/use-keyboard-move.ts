'use client';

import { type KeyboardEvent, useState } from 'react';
import { type ApplicationStage, stageLabel } from '@/lib/pipeline/stages';
import { type BoardCardState, cardName } from './board-state';

const STEPS: Partial<Record<string, number>> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * Moving a card without a mouse, the way drag-and-drop libraries do it for
 * keyboards: Space or Enter picks the card up, the arrow keys choose a
 * stage, Space or Enter drops it there, and Escape (or leaving) cancels.
 * Every step is narrated for screen readers.
 */
export function useKeyboardMove({
  stages,
  onDrop,
  narrate,
}: {
  stages: readonly ApplicationStage[];
  onDrop: (card: BoardCardState, to: ApplicationStage) => void;
  narrate: (text: string) => void;
}) {
  const [lifted, setLifted] = useState<{ card: BoardCardState; target: ApplicationStage } | null>(null);

  /** The handle's click, which keyboards fire with Space and Enter. */
  function toggle(card: BoardCardState) {
    if (lifted?.card.id !== card.id) {
      setLifted({ card, target: card.stage });
      narrate(
        `Picked up ${cardName(card)}, in ${stageLabel(card.stage)}. Use the arrow keys to choose a stage, then Space or Enter to drop it. Escape cancels.`,
      );
      return;
    }
    setLifted(null);
    if (lifted.target === card.stage) narrate(`${cardName(card)} stays in ${stageLabel(card.stage)}.`);
    else onDrop(card, lifted.target);
  }

  function cancel(card: BoardCardState) {
    if (lifted?.card.id !== card.id) return;
    setLifted(null);
    narrate(`Move cancelled. ${cardName(card)} stays in ${stageLabel(card.stage)}.`);
  }

  function keyDown(card: BoardCardState, event: KeyboardEvent) {
    if (lifted?.card.id !== card.id) return;
    const step = STEPS[event.key];
    if (step) {
      event.preventDefault();
      const index = Math.min(stages.length - 1, Math.max(0, stages.indexOf(lifted.target) + step));
      const target = stages[index];
      setLifted({ card, target });
      narrate(target === card.stage ? `${stageLabel(target)}, where it is now.` : `Over ${stageLabel(target)}. Space or Enter drops it here.`);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancel(card);
    }
  }

  return { lifted, toggle, keyDown, cancel };
}
