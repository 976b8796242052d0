'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { type ApplicationStage, STAGES } from '@/lib/pipeline/stages';

/**
 * "Move to…": a button that opens a small modal list of stages. A native
 * <dialog> traps focus and closes on Escape, and focus returns to the
 * button. The choices are rendered only while open, so a board of hundreds
 * of cards does not carry thousands of hidden buttons.
 */
export function StageMenu({
  current,
  subject,
  onChoose,
  disabled = false,
  triggerId,
}: {
  current: ApplicationStage;
  /** What is being moved, e.g. "Acme — Flight Engineer". */
  subject: string;
  onChoose: (stage: ApplicationStage) => void;
  disabled?: boolean;
  /** Lets the caller put focus back on the button after the item has moved elsewhere on the page. */
  triggerId?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();

  // showModal() only after the choices exist, so focus lands on the first of them.
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);

  function choose(stage: ApplicationStage) {
    dialog.current?.close();
    onChoose(stage);
  }

  const groups = [
    { label: 'In progress', stages: STAGES.filter((s) => !s.ending) },
    { label: 'Ended', stages: STAGES.filter((s) => s.ending) },
  ];

  return (
    <>
      <button
        id={triggerId}
        type="button"
        disabled={disabled}
        onClick={() => setOpen(true)}
        className="rounded-md border border-stone-300 bg-white px-2 py-1 text-xs font-medium text-stone-800 hover:bg-stone-100 disabled:text-stone-500"
      >
        Move to…<span className="sr-only"> ({subject})</span>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        className="m-auto w-[min(22rem,calc(100vw-2rem))] rounded-lg border border-stone-200 p-5 shadow-xl backdrop:bg-stone-900/40"
      >
        {open && (
          <>
            <h2 id={titleId} className="text-base font-semibold text-stone-900">
              Move {subject} to…
            </h2>
            {groups.map((group) => (
              <section key={group.label} aria-label={group.label} className="mt-3">
                <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-600">{group.label}</h3>
                <ul className="mt-1 grid grid-cols-2 gap-1">
                  {group.stages.map((s) => (
                    <li key={s.id}>
                      <button
                        type="button"
                        disabled={s.id === current}
                        onClick={() => choose(s.id)}
                        className="w-full rounded-md px-3 py-2 text-left text-sm text-stone-900 hover:bg-stone-100 disabled:bg-stone-100 disabled:text-stone-600"
                      >
                        {s.label}
                        {s.id === current && <span className="text-stone-600"> (now)</span>}
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
    </>
  );
}
