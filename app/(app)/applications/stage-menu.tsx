'use client';

import { useEffect, useId, useRef } from 'react';
import { buttonClass } from '@/components/ui/button';
import { type ApplicationStage, STAGES } from '@/lib/pipeline/stages';

/** What the "Move to…" dialog is open for: the card's name and the stage it is in now. */
export type StageMenuTarget = { subject: string; current: ApplicationStage };

const GROUPS = [
  { label: 'In progress', stages: STAGES.filter((s) => !s.ending) },
  { label: 'Ended', stages: STAGES.filter((s) => s.ending) },
];

/**
 * "Move to…": one modal list of stages for the whole board, opened by any
 * card's button. A native <dialog> traps focus, closes on Escape and gives
 * focus back to the button that opened it. One per board rather than one per
 * card: a board of 125 cards would otherwise carry 125 dialogs.
 */
export function StageMenuDialog({
  target,
  onChoose,
  onClose,
}: {
  target: StageMenuTarget | null;
  onChoose: (stage: ApplicationStage) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // showModal() only after the choices exist, so focus lands on the first of them. Keyed on being
  // open, not on the target object, which is new at every render of the board.
  const open = target !== null;
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);

  function choose(stage: ApplicationStage) {
    dialog.current?.close();
    // Closed now, not when the close event comes: the move re-renders the board before that.
    onClose();
    onChoose(stage);
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(22rem,calc(100vw-2rem))] rounded-lg border border-stone-200 p-5 shadow-xl backdrop:bg-stone-900/40"
    >
      {target && (
        <>
          <h2 id={titleId} className="text-base font-semibold text-stone-900">
            Move {target.subject} to…
          </h2>
          {GROUPS.map((group) => (
            <section key={group.label} aria-label={group.label} className="mt-3">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-600">{group.label}</h3>
              <ul className="mt-1 grid grid-cols-2 gap-1">
                {group.stages.map((s) => (
                  <li key={s.id}>
                    <button
                      type="button"
                      disabled={s.id === target.current}
                      onClick={() => choose(s.id)}
                      className="w-full rounded-md px-3 py-2 text-left text-sm text-stone-900 hover:bg-stone-100 disabled:bg-stone-100 disabled:text-stone-600"
                    >
                      {s.label}
                      {s.id === target.current && <span className="text-stone-600"> (now)</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <div className="mt-4 flex justify-end">
            <button type="button" className={buttonClass('secondary')} onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
