import Link from 'next/link';
import type { ReactNode } from 'react';
import type { InterviewWithPeople } from '@/db/queries/interviews';
import { interviewKindLabel } from '@/lib/pipeline/labels';
import { formatDateTimeInZone } from '@/lib/time/zoned-time';
import { isHttpUrl } from '@/lib/validation/fields';

/** An application's interviews, each in the time zone it was entered in, with who was there and what impressed. */
export function InterviewList({
  applicationId,
  interviews,
  letterFor,
}: {
  applicationId: string;
  interviews: InterviewWithPeople[];
  /** The thank-you letter's place under each interview. */
  letterFor?: (interview: InterviewWithPeople) => ReactNode;
}) {
  return (
    <ol className="space-y-3">
      {interviews.map((interview) => {
        const when = formatDateTimeInZone(interview.scheduledAt, interview.timeZone);
        const editHref = `/applications/${applicationId}/interviews/${interview.id}/edit`;
        return (
          <li key={interview.id} className="rounded-lg border border-stone-200 bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <h3 className="font-semibold text-stone-900">{interviewKindLabel(interview.kind)}</h3>
              <Link href={editHref} className="text-sm font-medium text-accent underline">
                Edit<span className="sr-only"> the {interviewKindLabel(interview.kind)} interview of {when}</span>
              </Link>
            </div>
            <p className="text-sm text-stone-700">
              <time dateTime={interview.scheduledAt.toISOString()}>{when}</time>
            </p>
            {interview.location && (
              <p className="mt-1 break-words text-sm text-stone-700">
                {isHttpUrl(interview.location) ? (
                  <a href={interview.location} className="underline" target="_blank" rel="noopener noreferrer">
                    {interview.location}
                  </a>
                ) : (
                  interview.location
                )}
              </p>
            )}
            <p className="mt-2 text-sm text-stone-800">
              <span className="font-medium">With: </span>
              {interview.people.length === 0
                ? 'nobody recorded yet'
                : interview.people.map((person, index) => (
                    <span key={person.id}>
                      {index > 0 && ', '}
                      <Link href={`/contacts/${person.id}`} className="underline">
                        {person.name}
                      </Link>
                    </span>
                  ))}
            </p>
            {interview.impression ? (
              <figure className="mt-3 border-l-4 border-accent-soft pl-3">
                <figcaption className="text-xs font-medium uppercase tracking-wide text-stone-600">What impressed you most</figcaption>
                <blockquote className="whitespace-pre-line text-sm text-stone-900">{interview.impression}</blockquote>
              </figure>
            ) : (
              <p className="mt-3 rounded-md bg-accent-soft px-3 py-2 text-sm text-stone-900">
                What impressed you most?{' '}
                <Link href={editHref} className="font-medium underline">
                  Add it<span className="sr-only"> to the {interviewKindLabel(interview.kind)} interview of {when}</span>
                </Link>{' '}
                — it makes the thank-you letter personal.
              </p>
            )}
            {interview.notes && (
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-stone-700">Notes</summary>
                <p className="mt-1 whitespace-pre-line text-stone-800">{interview.notes}</p>
              </details>
            )}
            {letterFor?.(interview)}
          </li>
        );
      })}
    </ol>
  );
}
