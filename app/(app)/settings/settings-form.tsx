'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { Profile } from '@/db/queries/users';
import { saveSettings } from './actions';

export function SettingsForm({ profile, pendingReplyTo }: { profile: Profile; pendingReplyTo: string | null }) {
  const [state, formAction] = useActionState(saveSettings, { ok: false });
  // After a failed save, show what was typed; otherwise what is stored, the address waiting for confirmation first
  // (so saving the other fields keeps it waiting).
  const stored = { ...profile, replyTo: pendingReplyTo ?? profile.replyTo };
  const value = (field: 'name' | 'signature' | 'replyTo') => state.values?.[field] ?? stored[field] ?? '';

  return (
    <form action={formAction} noValidate className="max-w-xl space-y-2">
      <Field name="name" label="Full name" autoComplete="name" required defaultValue={value('name')} errors={state.fieldErrors?.name} />
      <Field
        name="signature"
        label="Closing and signature"
        hint="Ends every letter. For example: “Kind regards,” then your name and phone number."
        multiline
        rows={4}
        defaultValue={value('signature')}
        errors={state.fieldErrors?.signature}
      />
      <Field
        name="replyTo"
        label="Reply-to address"
        type="email"
        autoComplete="email"
        hint={`Replies to your letters go here once you confirm it by the link we mail to it. Leave empty to use ${profile.email}.`}
        placeholder={profile.email}
        defaultValue={value('replyTo')}
        errors={state.fieldErrors?.replyTo}
      />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}
