import type { ApplicationView } from '@/db/queries/applications';
import { formatCalendarDate } from '@/lib/time/zoned-time';
import { isHttpUrl } from '@/lib/validation/fields';

/** The application's own facts, as entered; empty ones say so rather than vanish. */
export function ApplicationDetails({ application }: { application: ApplicationView }) {
  const rows: [string, React.ReactNode][] = [
    [
      'Job posting',
      application.jobUrl && isHttpUrl(application.jobUrl) ? (
        <a href={application.jobUrl} className="break-all underline" target="_blank" rel="noopener noreferrer">
          {application.jobUrl}
        </a>
      ) : null,
    ],
    ['Location', application.location],
    ['Found through', application.source],
    ['Applied on', application.appliedOn ? formatCalendarDate(application.appliedOn) : null],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-stone-700">{label}</dt>
          <dd className="min-w-0 text-stone-900">{value ?? <span className="text-stone-500">Not set</span>}</dd>
        </div>
      ))}
      {application.notes && (
        <div className="contents">
          <dt className="font-medium text-stone-700">Notes</dt>
          <dd className="min-w-0 whitespace-pre-line break-words text-stone-900">{application.notes}</dd>
        </div>
      )}
    </dl>
  );
}
