'use client';

import { useId, useRef, type ReactNode } from 'react';
import { Button } from './button';

/**
 * A button that opens a native <dialog> (focus is trapped and Escape closes
 * it) asking to confirm, and saying what else goes with the deletion. `form`
 * renders the confirming form: its own submit button and action do the work.
 */
export function ConfirmDialog({
  trigger,
  title,
  children,
  form,
}: {
  trigger: string;
  title: string;
  children: ReactNode;
  /** The confirming form: its own submit button and action do the work (usually ending in a redirect). */
  form: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Not derived from the title: an id with spaces would break aria-labelledby.
  const titleId = useId();
  return (
    <>
      <Button type="button" variant="secondary" className="text-red-800" onClick={() => dialog.current?.showModal()}>
        {trigger}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-stone-200 p-6 shadow-xl backdrop:bg-stone-900/40"
      >
        <h2 id={titleId} className="text-lg font-semibold text-stone-900">
          {title}
        </h2>
        <div className="mt-2 text-sm text-stone-700">{children}</div>
        <div className="mt-6 flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          {form}
        </div>
      </dialog>
    </>
  );
}
