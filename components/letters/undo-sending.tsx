'use client';

import { startTransition, useActionState, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { Working } from '@/components/ui/submit-button';
import type { ActionState, FormAction } from '@/lib/actions/state';

/** A letter in its undo window, as the page was told of it. */
export type LeavingLetter = { id: string; to: string; scheduledFor: Date | string };

const secondsLeft = (at: Date | string, now: number) => Math.max(0, Math.ceil((new Date(at).getTime() - now) / 1000));

/**
 * Seconds until the last of the letters leaves, counted down; null until the
 * page is running in the browser, so the server's render and the browser's agree.
 */
function useCountdown(letters: LeavingLetter[]): number | null {
  const last = Math.max(...letters.map((l) => new Date(l.scheduledFor).getTime()));
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => {
      const time = Date.now();
      setNow(time);
      if (time >= last) clearInterval(timer);
    };
    const timer = setInterval(tick, 250);
    tick();
    return () => clearInterval(timer);
  }, [last]);
  return now === null ? null : secondsLeft(new Date(last), now);
}

const initial: ActionState = { ok: false };

/**
 * "Sending in 8 s" with Undo, for the letters of one click. The queue keeps
 * the time, not this countdown: close the tab and the letters still leave;
 * undo from another tab and they do not. Screen readers hear the window once,
 * not every second.
 */
export function UndoSending({ letters, cancelAction }: { letters: LeavingLetter[]; cancelAction: FormAction }) {
  const [state, cancel, pending] = useActionState(cancelAction, initial);
  const left = useCountdown(letters);
  const whom = [...new Set(letters.map((l) => l.to))].join(', ');
  if (state.message) return <FormMessage ok={state.ok} message={state.message} />;
  if (left === 0) {
    return (
      <p role="status" className="text-sm text-stone-700">
        On its way to {whom}.
      </p>
    );
  }
  // A button, not a form: the countdown often sits inside the form that sent the letter, and forms do not nest.
  const undo = () => {
    const data = new FormData();
    data.set('letterIds', letters.map((l) => l.id).join(','));
    startTransition(() => cancel(data));
  };
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <p role="status" className="text-stone-800">
        <span aria-hidden>
          Sending to {whom} {left === null ? 'shortly' : <>in <span className="font-semibold tabular-nums">{left} s</span></>}
        </span>
        <span className="sr-only">
          Sending to {whom} in a few seconds. Undo stops {letters.length > 1 ? 'them' : 'it'}.
        </span>
      </p>
      <Button type="button" variant="secondary" onClick={undo} disabled={pending} aria-disabled={pending}>
        {pending ? <Working label="Undoing…" /> : 'Undo'}
      </Button>
    </div>
  );
}
