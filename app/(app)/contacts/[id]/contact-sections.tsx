import Link from 'next/link';
import { formatDay, formatInterviewTime } from '@/components/contacts/format';
import { lettersHref, NO_LETTER_FILTERS } from '@/components/letters/list-query';
import type { ContactActivity, ContactApplication, ContactInterview } from '@/db/queries/contact-page';
import type { ContactLetter } from '@/db/queries/letter-list';
import { contactRoleLabel, interviewKindLabel } from '@/lib/pipeline/labels';
import { stageLabel } from '@/lib/pipeline/stages';
import { activityText } from './activity-text';
import { ContactLetterList } from './contact-letters';

function Section({ id, title, count, children }: { id: string; title: string; count?: number; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="mb-3 text-base font-semibold text-stone-900">
        {title}
        {count !== undefined && count > 0 && <span className="ml-2 font-normal text-stone-600">({count})</span>}
      </h2>
      {children}
    </section>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="rounded-lg border border-dashed border-stone-300 bg-white px-4 py-4 text-sm text-stone-600">{children}</p>;
}

const listClass = 'divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm';

export function ApplicationsSection({ applications }: { applications: ContactApplication[] }) {
  return (
    <Section id="applications" title="Applications" count={applications.length}>
      {applications.length === 0 ? (
        <Empty>Not linked to any application yet. Log an interview they were at, and the link is made for you.</Empty>
      ) : (
        <ul className={listClass}>
          {applications.map((a) => (
            <li key={a.applicationId} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
              <Link href={`/applications/${a.applicationId}`} className="min-w-0 font-medium text-stone-900 underline underline-offset-2">
                {a.company} — {a.position}
              </Link>
              <span className="text-stone-600">
                {contactRoleLabel(a.role)}
                {a.isPrimary && <strong className="ml-2 rounded bg-stone-900 px-1.5 py-0.5 text-xs font-medium text-white">Primary contact</strong>}
                <span className="ml-2">· {stageLabel(a.stage)}{a.archived ? ' (archived)' : ''}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function InterviewsSection({ interviews }: { interviews: ContactInterview[] }) {
  return (
    <Section id="interviews" title="Interviews" count={interviews.length}>
      {interviews.length === 0 ? (
        <Empty>No interviews with them logged yet.</Empty>
      ) : (
        <ul className={listClass}>
          {interviews.map((i) => (
            <li key={i.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
              <span>
                <time dateTime={i.scheduledAt.toISOString()} className="font-medium text-stone-900">
                  {formatInterviewTime(i.scheduledAt, i.timeZone)}
                </time>
                <span className="text-stone-600"> · {interviewKindLabel(i.kind)}</span>
              </span>
              <Link href={`/applications/${i.applicationId}`} className="text-stone-700 underline underline-offset-2">
                {i.company} — {i.position}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The newest letters to the contact; when there are more, a link to all of them on the letters list. */
export function LettersSection({ contactId, letters, total }: { contactId: string; letters: ContactLetter[]; total: number }) {
  return (
    <Section id="letters" title="Letters" count={total}>
      {letters.length === 0 ? (
        <Empty>No letters yet. Thank-you letters you send them will be listed here.</Empty>
      ) : (
        <ContactLetterList letters={letters} now={new Date()} className={listClass} />
      )}
      {total > letters.length && (
        <p className="mt-3 text-sm">
          <Link href={lettersHref(NO_LETTER_FILTERS, { contact: contactId })} className="font-medium text-accent underline">
            See all {total.toLocaleString('en-US')} letters
          </Link>
        </p>
      )}
    </Section>
  );
}

export function ActivitySection({ activity }: { activity: ContactActivity[] }) {
  return (
    <Section id="activity" title="Activity">
      {activity.length === 0 ? (
        <Empty>No events recorded with them yet.</Empty>
      ) : (
        <ol className={listClass}>
          {activity.map((event) => (
            <li key={event.id} className="flex flex-wrap gap-x-4 gap-y-0.5 px-4 py-2.5">
              <time dateTime={event.occurredAt.toISOString()} className="w-28 shrink-0 text-stone-600">
                {formatDay(event.occurredAt)}
              </time>
              <span className="min-w-0 text-stone-900">{activityText(event)}</span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
