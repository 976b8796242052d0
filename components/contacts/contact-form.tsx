'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormAction } from '@/lib/actions/state';
import { DEFAULT_FOLLOW_UP_WEEKS } from '@/lib/dashboard/due-rules';

type ContactFormFields = 'name' | 'email' | 'title' | 'company' | 'phone' | 'linkedinUrl' | 'notes' | 'followUpWeeks';

const FOLLOW_UP_CHOICES = [2, 4, 8, 12, 26];

/** The cadences offered, with the one stored kept even if it is not among them. */
function followUpOptions(current: string) {
  const weeks = [...new Set([...FOLLOW_UP_CHOICES, Number(current) || DEFAULT_FOLLOW_UP_WEEKS])]
    .filter((w) => w !== DEFAULT_FOLLOW_UP_WEEKS)
    .sort((a, b) => a - b);
  return [
    { id: '', label: `Every ${DEFAULT_FOLLOW_UP_WEEKS} weeks (the default)` },
    ...weeks.map((w) => ({ id: String(w), label: `Every ${w} weeks` })),
    { id: '0', label: 'Off: no follow-ups' },
  ];
}

/** Adding and editing a contact: the same fields, judged by the same schema on the server. */
export function ContactForm({
  action,
  contact,
  submitLabel,
  pendingLabel,
  cancelHref,
}: {
  action: FormAction;
  contact?: { id: string; followUpWeeks?: number | null } & Partial<Record<Exclude<ContactFormFields, 'followUpWeeks'>, string | null>>;
  submitLabel: string;
  pendingLabel: string;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  // After a failed save, show what was typed; otherwise what is stored.
  const value = (field: Exclude<ContactFormFields, 'followUpWeeks'>) => state.values?.[field] ?? contact?.[field] ?? '';
  const weeks = state.values?.followUpWeeks ?? (contact?.followUpWeeks == null ? '' : String(contact.followUpWeeks));
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
      <SelectField
        name="followUpWeeks"
        label="Follow-up check-ins"
        hint="How long after your last letter to them a check-in comes due on your dashboard."
        options={followUpOptions(weeks)}
        defaultValue={weeks}
        errors={errors('followUpWeeks')}
      />
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
