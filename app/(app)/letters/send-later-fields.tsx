'use client';

import { type ReactNode, useId, useMemo, useState } from 'react';
import { LeavesAt } from '@/components/letters/leaves-at';
import { useBrowserTimeZone } from '@/components/time/use-browser-time-zone';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { checkSendAt } from '@/lib/letters/schedule';
import { leavesAtInWords } from '@/lib/letters/when-in-words';
import { timeZoneChoices } from '@/lib/time/zoned-time';

export type SendLaterProps = {
  /** 08:30 tomorrow where the recipient is, worked out by the server when the page was drawn. */
  morning: Date;
  /** The recipient's zone: the interview's, else the person's own. */
  zone: string;
  /** The person's own zone (Settings), for "your time" until the browser says where it is. */
  profileZone: string;
  /** The date and time the picker starts at, on the recipient's clock. */
  defaultSendAt: string;
  /** What the server said of a time, and what was typed, kept. */
  errors?: { sendAt?: string[]; sendAtZone?: string[] };
  values?: { sendAt?: string; sendAtZone?: string };
  /** The words of the two buttons: "Send tomorrow morning" / "Schedule", or the reschedule's. */
  morningLabel: string;
  atLabel: string;
};

/**
 * The two ways to choose a later time, inside the caller's form: each has
 * its own submit button, which says which it is (`when`). The picked time is
 * read back on both clocks as it is typed, and checked as the server will
 * check it; the server still has the last word, shown under the field.
 */
export function SendLaterFields(props: SendLaterProps) {
  const id = useId();
  const [sendAt, setSendAt] = useState(props.values?.sendAt ?? props.defaultSendAt);
  const [zone, setZone] = useState(props.values?.sendAtZone ?? props.zone);
  const yours = useBrowserTimeZone() ?? props.profileZone;
  // Rendered only once the person opens the choice, so the long list is never in the server's HTML.
  const zones = useMemo(() => timeZoneChoices(props.zone), [props.zone]);
  const checked = checkSendAt(sendAt, zone, new Date());
  // The server's word on these very values is already under the field; the live check says nothing more.
  const refused = Boolean(props.errors?.sendAt || props.errors?.sendAtZone) && sendAt === props.values?.sendAt && zone === props.values?.sendAtZone;

  return (
    <div className="space-y-4">
      <div role="group" aria-labelledby={`${id}-morning`} className="space-y-2">
        <p id={`${id}-morning`} className="text-sm font-medium text-stone-900">
          Tomorrow morning their time
        </p>
        <p className="text-sm text-stone-700">
          <LeavesAt at={props.morning} zone={props.zone} profileZone={props.profileZone} />
        </p>
        <SubmitButton name="when" value="tomorrow_morning" variant="secondary" pendingLabel="Scheduling…">
          {props.morningLabel}
        </SubmitButton>
      </div>
      <fieldset className="space-y-2 border-t border-stone-200 pt-3">
        <legend className="float-left mb-2 text-sm font-medium text-stone-900">Pick a date and time</legend>
        <div className="clear-left grid gap-x-3 sm:grid-cols-2">
          <Field
            id={`${id}-send-at`}
            name="sendAt"
            type="datetime-local"
            label="Date and time"
            // Uncontrolled: React resets a form after its action, to these defaults, which are what was sent.
            defaultValue={props.values?.sendAt ?? props.defaultSendAt}
            onChange={(event) => setSendAt(event.target.value)}
            errors={props.errors?.sendAt}
          />
          <SelectField
            id={`${id}-zone`}
            name="sendAtZone"
            label="Time zone"
            options={zones.map((z) => ({ id: z, label: z.replaceAll('_', ' ') }))}
            defaultValue={props.values?.sendAtZone ?? props.zone}
            onChange={(event) => setZone(event.target.value)}
            errors={props.errors?.sendAtZone}
          />
        </div>
        <p aria-live="polite" className="text-sm text-stone-700">
          {checked.ok ? `Leaves ${leavesAtInWords(checked.at, zone, yours, new Date())}.` : refused ? null : checked.message}
        </p>
        <SubmitButton name="when" value="at" pendingLabel="Scheduling…">
          {props.atLabel}
        </SubmitButton>
      </fieldset>
    </div>
  );
}

/**
 * "Send later" (or "Reschedule") as a disclosure: a native <details>, which
 * keyboards and screen readers know. The choices are drawn only while it is
 * open, and it opens by itself when the server refused a time.
 */
export function SendLaterChoice({ summary, className, ...props }: SendLaterProps & { summary: ReactNode; className?: string }) {
  const refused = Boolean(props.errors?.sendAt || props.errors?.sendAtZone);
  const [open, setOpen] = useState(refused);
  const [wasRefused, setWasRefused] = useState(refused);
  if (refused !== wasRefused) {
    setWasRefused(refused);
    if (refused) setOpen(true);
  }
  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className={className}>
      <summary className="btn btn-secondary cursor-pointer list-none [&::-webkit-details-marker]:hidden">{summary}</summary>
      {open && (
        <div className="mt-3 rounded-lg border border-stone-200 bg-white p-4">
          <SendLaterFields {...props} />
        </div>
      )}
    </details>
  );
}
