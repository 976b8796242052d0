'use client';

import { SelectField } from '@/components/ui/select-field';
import { useBrowserTimeZone } from '@/components/time/use-browser-time-zone';

/**
 * The zone the interview time is in, defaulting to the browser's. `zones`
 * comes from the server so the first render matches it exactly; the browser
 * may add its own zone when the server's list does not have it.
 */
export function TimeZoneSelect({
  zones,
  value,
  errors,
  hint,
}: {
  zones: string[];
  value: string | null;
  errors?: string[];
  hint?: string;
}) {
  const browser = useBrowserTimeZone();
  const zone = value ?? browser ?? 'UTC';
  const choices = zones.includes(zone) ? zones : [zone, ...zones];
  return (
    <SelectField
      // Remount when the browser's zone arrives after hydration, so the default follows it.
      key={zone}
      name="timeZone"
      label="Time zone"
      options={choices.map((z) => ({ id: z, label: z.replaceAll('_', ' ') }))}
      defaultValue={zone}
      errors={errors}
      hint={hint}
    />
  );
}
