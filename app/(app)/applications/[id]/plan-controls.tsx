'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FollowUpMode, FollowUpPlanKind } from '@/lib/follow-ups/plans';
import { applicationPlanAction } from './plan-actions';

/** One plan's controls on an application: its mode, and Stop or Resume. Hidden fields name the plan; the button says what to do. */
export function PlanControls({
  applicationId,
  plan,
  title,
  mode,
  modes,
  stopped,
}: {
  applicationId: string;
  plan: FollowUpPlanKind;
  title: string;
  /** The application's own mode, or 'default' when it follows Settings. */
  mode: FollowUpMode | 'default';
  modes: { id: FollowUpMode | 'default'; label: string }[];
  stopped: boolean;
}) {
  const [state, action] = useActionState(applicationPlanAction, { ok: false });
  const selectId = `plan-mode-${plan}`;
  return (
    <form action={action} className="mt-2 space-y-1">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="plan" value={plan} />
      <div className="flex flex-wrap items-end gap-2">
        {!stopped && (
          <div>
            <label htmlFor={selectId} className="block text-xs font-medium text-stone-700">
              Mode<span className="sr-only"> of the {title.toLowerCase()}</span>
            </label>
            <select
              id={selectId}
              name="mode"
              defaultValue={mode}
              className="mt-0.5 rounded-md border border-stone-300 bg-white px-2 py-1.5 text-base sm:text-sm"
            >
              {modes.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {!stopped && (
          <SubmitButton variant="secondary" name="intent" value="mode" pendingLabel="Saving…">
            Save<span className="sr-only"> the mode of the {title.toLowerCase()}</span>
          </SubmitButton>
        )}
        <SubmitButton variant="secondary" name="intent" value={stopped ? 'resume' : 'stop'} pendingLabel={stopped ? 'Resuming…' : 'Stopping…'}>
          {stopped ? 'Resume' : 'Stop'}
          <span className="sr-only"> the {title.toLowerCase()}</span>
        </SubmitButton>
      </div>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
