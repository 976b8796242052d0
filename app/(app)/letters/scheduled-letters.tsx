'use client';

import Link from 'next/link';
import { useState } from 'react';
import { LeavesAt } from '@/components/letters/leaves-at';
import { TestBadge } from '@/components/letters/status-badge';
import { ButtonLink } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionState } from '@/lib/actions/state';
import { plural } from '@/lib/words';
import { CancelScheduled, RescheduleLetter, type RescheduleProps } from './scheduled-letter-actions';

export type ScheduledRow = RescheduleProps & {
  id: string;
  subject: string;
  to: string;
  leavesAt: Date;
  automatic: boolean;
  isTest: boolean;
};

/**
 * The letters that wait for their time, soonest first, at the top of
 * /letters: each can be opened, moved or stopped until it leaves. A
 * cancelled letter leaves the list, so what came of the click is said above
 * it (and stays when the last one goes). Nothing scheduled, nothing shown.
 */
export function ScheduledLetters({ rows, more }: { rows: ScheduledRow[]; more: number }) {
  const [outcome, setOutcome] = useState<ActionState | null>(null);
  if (rows.length === 0 && !outcome) return null;
  return (
    <section aria-labelledby="scheduled-heading" className="mb-8">
      <h2 id="scheduled-heading" className="text-lg font-semibold text-stone-900">
        Scheduled
      </h2>
      <p className="mb-3 text-sm text-stone-600">
        {rows.length > 0 ? 'Waiting for their time. Each can be changed or stopped until it leaves.' : 'Nothing else is scheduled.'}
      </p>
      <FormMessage ok={outcome?.ok} message={outcome?.message} />
      {rows.length > 0 && (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {rows.map((row) => (
            <ScheduledLetterRow key={row.id} row={row} onOutcome={setOutcome} />
          ))}
        </ul>
      )}
      {more > 0 && (
        <p className="mt-2 text-sm">
          And {plural(more, 'more', 'more')}:{' '}
          <Link href="/letters?status=scheduled" className="font-medium text-accent underline">
            see every scheduled letter
          </Link>
        </p>
      )}
    </section>
  );
}

function ScheduledLetterRow({ row, onOutcome }: { row: ScheduledRow; onOutcome: (outcome: ActionState) => void }) {
  const about = `${row.subject}, to ${row.to}`;
  const when = <LeavesAt at={row.leavesAt} zone={row.zone} profileZone={row.profileZone} />;
  return (
    <li className="space-y-2 px-4 py-3 text-sm">
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium wrap-anywhere text-stone-900">{row.subject}</span>
          {row.automatic && (
            <span className="inline-flex rounded-full bg-sky-50 px-2 py-0.5 text-xs font-medium text-sky-900 ring-1 ring-inset ring-sky-300">
              Automatic
            </span>
          )}
          {row.isTest && <TestBadge />}
        </p>
        <p className="wrap-anywhere text-stone-700">To {row.to}</p>
        <p className="text-stone-800">
          {row.automatic ? <>Goes out {when} unless you stop it.</> : <>Leaves {when}.</>}
        </p>
      </div>
      <div className="flex flex-wrap items-start gap-2">
        <ButtonLink href={`/letters/${row.id}`} prefetch={false} variant="secondary">
          Open<span className="sr-only"> ({about})</span>
        </ButtonLink>
        <CancelScheduled letterId={row.id} about={about} onOutcome={onOutcome} />
        <RescheduleLetter
          letterId={row.id}
          about={about}
          className="has-[details[open]]:basis-full"
          morning={row.morning}
          zone={row.zone}
          profileZone={row.profileZone}
          defaultSendAt={row.defaultSendAt}
        />
      </div>
    </li>
  );
}
