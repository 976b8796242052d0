'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action';

type ContactFormFields = 'name' | 'email' | 'title' | 'company' | 'phone' | 'linkedinUrl' | 'notes';
type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

/** Adding and editing a contact: the same fields, judged by the same schema on the server. */
export function ContactForm({
  action,
  contact,
  submitLabel,
  pendingLabel,
  cancelHref,
}: {
  action: Action;
  contact?: { id: string } & Partial<Record<ContactFormFields, string | null>>;
  submitLabel: string;
  pendingLabel: string;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  // After a failed save, show what was typed; otherwise what is stored.
  const value = (field: ContactFormFields) => state.values?.[field] ?? contact?.[field] ?? '';
  const errors = (field: ContactFormFields) => state.fieldErrors?.[field];

  return (
    <form action={formAction} noValidate className="max-w-xl space-y-2">
      {contact && <input type="hidden" name="id" value={contact.id} />}
      <Field name="name" label="Name" autoComplete="off" required defaultValue={value('name')} errors={errors('name')} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="off"
        hint="Letters go here. Each email belongs to one contact."
        defaultValue={value('email')}
        errors={errors('email')}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="title" label="Title" autoComplete="off" defaultValue={value('title')} errors={errors('title')} />
        <Field name="company" label="Company" autoComplete="off" defaultValue={value('company')} errors={errors('company')} />
        <Field name="phone" label="Phone" type="tel" autoComplete="off" defaultValue={value('phone')} errors={errors('phone')} />
        <Field
          name="linkedinUrl"
          label="LinkedIn URL"
          type="url"
          autoComplete="off"
          placeholder="https://www.linkedin.com/in/…"
          defaultValue={value('linkedinUrl')}
          errors={errors('linkedinUrl')}
        />
      </div>
      <Field name="notes" label="Notes" multiline rows={4} defaultValue={value('notes')} errors={errors('notes')} />
      <FormMessage ok={state.ok} message={state.fieldErrors?.id?.[0] ?? state.message} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
        <Link href={cancelHref} className={buttonClass('secondary')}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
