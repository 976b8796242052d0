'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { deleteMyAccount } from '../actions';

/** The last step: the account's address, typed, then the button that deletes it all and signs out. */
export function DeleteAccountForm({ email }: { email: string }) {
  const [state, formAction] = useActionState(deleteMyAccount, { ok: false });
  return (
    <form action={formAction} noValidate className="mt-2 space-y-2">
      <Field
        name="email"
        label="Type your email address to confirm"
        hint={`Type ${email}`}
        type="email"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        defaultValue={state.values?.email ?? ''}
        errors={state.fieldErrors?.email}
      />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Deleting your account…" className="bg-red-800 hover:bg-red-700">
        Delete my account and everything in it
      </SubmitButton>
    </form>
  );
}
