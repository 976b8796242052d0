'use client';

import { useActionState } from 'react';
import { TimeZoneSelect } from '@/components/interviews/time-zone-select';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { Profile } from '@/db/queries/users';
import { minuteToTime } from '@/lib/digest/schedule';
import { MAX_UNDO_SECONDS } from '@/lib/letters/undo';
import { saveSettings } from './actions';

export function SettingsForm({
  profile,
  pendingReplyTo,
  zones,
}: {
  profile: Profile;
  pendingReplyTo: string | null;
  zones: string[];
}) {
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
      <h2 className="pt-4 text-base font-semibold text-stone-900">Your time</h2>
      <TimeZoneSelect
        zones={zones}
        // Still UTC, the zone every account starts with: offer the browser's instead.
        value={state.values?.timeZone ?? (profile.timeZone === 'UTC' ? null : profile.timeZone)}
        errors={state.fieldErrors?.timeZone}
        hint="Your morning digest comes by this clock, and “tomorrow morning” means your morning here."
      />
      <Field
        name="undoSeconds"
        label="Undo window (seconds)"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_UNDO_SECONDS}
        hint={`Every letter waits this long before it leaves, so you can take it back. 0 sends at once; at most ${MAX_UNDO_SECONDS}.`}
        defaultValue={state.values?.undoSeconds ?? profile.undoSeconds}
        errors={state.fieldErrors?.undoSeconds}
        className="w-32"
      />
      <fieldset className="space-y-2 pt-2">
        <legend className="text-sm font-medium text-stone-900">Morning digest</legend>
        <input type="hidden" name="digestEnabled" value="off" />
        <label className="flex items-center gap-2 text-sm text-stone-800">
          <input
            type="checkbox"
            name="digestEnabled"
            value="on"
            defaultChecked={state.values?.digestEnabled ? state.values.digestEnabled === 'on' : profile.digestEnabled}
            className="size-4"
          />
          Email me once a day when letters are due, already written, with a Send button for each
        </label>
        <Field
          name="digestTime"
          label="Digest time"
          type="time"
          hint="In your time zone above. Nothing due that day, no email."
          defaultValue={state.values?.digestTime ?? minuteToTime(profile.digestMinute)}
          errors={state.fieldErrors?.digestTime}
          className="w-40"
        />
      </fieldset>
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}
