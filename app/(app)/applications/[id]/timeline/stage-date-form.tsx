'use client';

import { useActionState, useId } from 'react';
import { useBrowserTimeZone } from '@/components/time/use-browser-time-zone';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormAction } from '@/lib/actions/state';
import { instantToWallTime } from '@/lib/time/zoned-time';

/** People log things late: a stage move's date can be set to when it really happened. */
export function StageDateForm({
  action,
  applicationId,
  stageChangeId,
  changedAt,
  move,
}: {
  action: FormAction;
  applicationId: string;
  stageChangeId: string;
  changedAt: string;
  move: string;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  const zone = useBrowserTimeZone() ?? 'UTC';
  const inputId = useId();
  const error = state.fieldErrors?.changedAt?.[0] ?? state.fieldErrors?.stageChangeId?.[0];
  const message = error ?? state.message;

  return (
    <details className="mt-1 text-sm" open={Boolean(state.values && !state.ok) || undefined}>
      <summary className="cursor-pointer text-stone-600 underline">
        Correct the date<span className="sr-only"> of {move}</span>
      </summary>
      <form action={formAction} noValidate className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="applicationId" value={applicationId} />
        <input type="hidden" name="stageChangeId" value={stageChangeId} />
        <input type="hidden" name="timeZone" value={zone} />
        <div>
          <label htmlFor={inputId} className="block text-sm font-medium text-stone-800">
            When it happened ({zone.replaceAll('_', ' ')})
          </label>
          <input
            // Remount when the browser's zone is known, so the time is shown in it.
            key={zone}
            id={inputId}
            name="changedAt"
            type="datetime-local"
            defaultValue={state.values?.changedAt ?? instantToWallTime(new Date(changedAt), zone)}
            aria-invalid={Boolean(error) || undefined}
            aria-describedby={`${inputId}-message`}
            className={`mt-1 block rounded-md border bg-white px-3 py-2 text-base sm:text-sm ${error ? 'border-red-600' : 'border-stone-300'}`}
          />
        </div>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save date
        </SubmitButton>
        <p id={`${inputId}-message`} role="status" aria-live="polite" className={`w-full text-sm ${state.ok ? 'text-green-800' : 'text-red-700'}`}>
          {message}
        </p>
      </form>
    </details>
  );
}
