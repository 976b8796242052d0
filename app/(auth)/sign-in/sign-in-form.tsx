'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { requestSignInLink } from './actions';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction] = useActionState(requestSignInLink, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-3">
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field
        name="email"
        label="Email address"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      {!state.fieldErrors && <FormMessage ok={state.ok} message={state.message} />}
      <SubmitButton pendingLabel="Sending link…" className="w-full">
        Email me a sign-in link
      </SubmitButton>
    </form>
  );
}
