'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { simulateReplyAction } from './actions';

const SAMPLE = 'Thank you for your note! We would like to invite you to a second interview. Could you share your availability next week?';

/** Plays a reply to this letter locally, through the path a received email takes. */
export function SimulateReply({ messageId, from }: { messageId: string; from: string }) {
  const [state, formAction] = useActionState(simulateReplyAction, { ok: false });
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <details className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
      <summary className="cursor-pointer text-sm font-semibold text-stone-800">Simulate a reply</summary>
      <form action={formAction} noValidate className="mt-3 space-y-3">
        <input type="hidden" name="messageId" value={messageId} />
        <Field name="from" label="From" type="email" defaultValue={values.from ?? from} errors={state.fieldErrors?.from} />
        <Field name="text" label="Their answer" multiline rows={4} defaultValue={values.text ?? SAMPLE} errors={state.fieldErrors?.text} />
        <SubmitButton pendingLabel="Receiving…">Receive this reply</SubmitButton>
        <FormMessage ok={state.ok} message={state.message} />
      </form>
    </details>
  );
}
