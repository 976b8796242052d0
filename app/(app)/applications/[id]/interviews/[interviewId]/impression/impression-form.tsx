'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { saveImpressionAction } from './actions';

export function ImpressionForm({ applicationId, interviewId }: { applicationId: string; interviewId: string }) {
  const [state, formAction] = useActionState(saveImpressionAction, { ok: false });
  return (
    <form action={formAction} noValidate className="max-w-xl space-y-3">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="interviewId" value={interviewId} />
      <Field
        name="impression"
        label="What impressed you most?"
        hint="One line in your own words, for example: how the team reviews every launch together."
        multiline
        rows={3}
        required
        autoFocus
        defaultValue={state.values?.impression ?? ''}
        errors={state.fieldErrors?.impression}
      />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
    </form>
  );
}
