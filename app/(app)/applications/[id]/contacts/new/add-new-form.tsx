'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { addNewContact } from '../actions';
import { RoleAndPrimary } from './role-and-primary';

export function AddNewForm({ applicationId }: { applicationId: string }) {
  const [state, formAction] = useActionState(addNewContact, { ok: false });
  return (
    <form action={formAction} noValidate className="space-y-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <Field name="name" label="Name" autoComplete="off" defaultValue={state.values?.name ?? ''} errors={state.fieldErrors?.name} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="off"
        hint="If they are already in your contacts with this email, that contact is used."
        defaultValue={state.values?.email ?? ''}
        errors={state.fieldErrors?.email}
      />
      <RoleAndPrimary prefix="new" values={state.values} errors={state.fieldErrors?.role} />
      <FormMessage ok={state.ok} message={state.fieldErrors?.applicationId?.[0] ?? state.message} />
      <SubmitButton pendingLabel="Adding…">Add to the application</SubmitButton>
    </form>
  );
}
