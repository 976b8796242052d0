'use client';

import { useActionState } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ApplicationStage, STAGES } from '@/lib/pipeline/stages';
import { moveStage } from './actions';

/** Moves the application along the pipeline; every move is kept on the timeline. */
export function StageForm({ applicationId, stage }: { applicationId: string; stage: ApplicationStage }) {
  const [state, formAction] = useActionState(moveStage, { ok: false });
  return (
    <form action={formAction} className="flex flex-wrap items-start gap-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <div className="w-48">
        {/* Remount on a new stage so the select shows what is saved, not what was picked before. */}
        <SelectField key={stage} name="stage" label="Stage" options={STAGES} defaultValue={stage} errors={state.fieldErrors?.stage} />
      </div>
      <SubmitButton variant="secondary" pendingLabel="Moving…" className="mt-6">
        Move
      </SubmitButton>
      <p role="status" aria-live="polite" className={`mt-8 text-sm ${state.ok ? 'text-green-800' : 'text-red-700'}`}>
        {state.fieldErrors?.applicationId?.[0] ?? state.message}
      </p>
    </form>
  );
}
