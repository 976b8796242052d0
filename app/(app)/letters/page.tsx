import Link from 'next/link';
import type { Metadata } from 'next';
import { lettersHref, parseLetterListQuery } from '@/components/letters/list-query';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { letterListContact, LETTERS_PER_PAGE, letterTemplateNames, listLetters } from '@/db/queries/letter-list';
import { countScheduled, scheduledLetters } from '@/db/queries/scheduled-letters';
import { requireUser } from '@/lib/auth/user';
import { tomorrowMorning } from '@/lib/letters/schedule';
import { STATUS_LABELS } from '@/lib/letters/status';
import { instantToWallTime } from '@/lib/time/zoned-time';
import { plural } from '@/lib/words';
import { LetterFilters } from './letter-filters';
import { LetterPagination } from './letter-pagination';
import { LetterRows } from './letter-rows';
import { ScheduledLetters, type ScheduledRow } from './scheduled-letters';

export const metadata: Metadata = { title: 'Letters' };

/** The soonest few; the rest are one filter away. */
const SCHEDULED_SHOWN = 5;

/** What waits for its time, with tomorrow morning on each recipient's clock for moving it there. */
async function loadScheduled(userId: string) {
  const [rows, total] = await Promise.all([scheduledLetters(userId, { limit: SCHEDULED_SHOWN }), countScheduled(userId)]);
  const now = new Date();
  const scheduled: ScheduledRow[] = rows.map((row) => {
    const morning = tomorrowMorning(now, row.zone);
    return {
      id: row.id,
      subject: row.subject,
      to: row.to ?? row.toEmail,
      leavesAt: row.scheduledFor,
      automatic: row.automatic,
      isTest: row.isTest,
      zone: row.zone,
      profileZone: row.profileZone,
      morning,
      defaultSendAt: instantToWallTime(row.scheduledFor, row.zone),
    };
  });
  return { scheduled, more: Math.max(0, total - rows.length) };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LettersPage({ searchParams }: { searchParams: SearchParams }) {
  const [user, params] = await Promise.all([requireUser(), searchParams]);
  const query = parseLetterListQuery(params);
  // Scheduled letters lead the unfiltered list; a filter is a question about the others.
  const unfiltered = !query.status && !query.template && !query.contact && query.page === 1;
  const [{ rows, total, pages }, templates, contact, scheduled] = await Promise.all([
    listLetters(user.id, query),
    letterTemplateNames(user.id),
    query.contact ? letterListContact(user.id, query.contact) : null,
    unfiltered ? loadScheduled(user.id) : null,
  ]);
  const header = (
    <PageHeader title="Letters" description="Every thank-you and follow-up you send, and what came of it." />
  );

  // No template names means no letters at all, whatever the filters say.
  if (templates.length === 0) {
    return (
      <>
        {header}
        <EmptyState title="No letters yet" action={<ButtonLink href="/applications">Go to your applications</ButtonLink>}>
          <p>
            Thank-you letters are sent from an interview, on its application’s page: one click writes the letter from
            what you noted about the interview and sends it to the people you met. Every letter you send is listed
            here, with what happened to it.
          </p>
        </EmptyState>
      </>
    );
  }

  // "to Grace Hopper, with status “Bounced”, from the template “…”": said the same above the list and in its empty state.
  const which = [
    query.contact && `to ${contact?.name ?? 'an unknown contact'}`,
    query.status && `with status “${STATUS_LABELS[query.status].label}”`,
    query.template && `from the template “${query.template}”`,
  ]
    .filter(Boolean)
    .join(', ');
  const first = (query.page - 1) * LETTERS_PER_PAGE + 1;
  return (
    <>
      {header}
      {scheduled && <ScheduledLetters rows={scheduled.scheduled} more={scheduled.more} />}
      <LetterFilters query={query} templates={templates} contact={contact} />
      <div aria-live="polite" aria-atomic="true">
        {rows.length > 0 ? (
          <p className="mb-3 text-sm text-stone-600">
            {first.toLocaleString('en-US')}–{(first + rows.length - 1).toLocaleString('en-US')} of{' '}
            {plural(total, 'letter', 'letters')}
            {which && ` ${which}`}
          </p>
        ) : (
          <p className="sr-only">No letters to show.</p>
        )}
      </div>
      {rows.length > 0 ? (
        <>
          <LetterRows rows={rows} now={new Date()} />
          <LetterPagination query={query} pages={pages} />
        </>
      ) : total > 0 ? (
        <EmptyState
          title="This page is past the end"
          action={
            <ButtonLink href={lettersHref(query, { page: 1 })} variant="secondary">
              Go to the first page
            </ButtonLink>
          }
        >
          <p>There are {plural(total, 'letter', 'letters')} here, on {plural(pages, 'page', 'pages')}.</p>
        </EmptyState>
      ) : (
        <EmptyState
          title="No letters match these filters"
          action={
            <ButtonLink href="/letters" variant="secondary">
              Clear filters
            </ButtonLink>
          }
        >
          <p>
            You have no letters {which}. Clear the filters to see every letter
            {query.status && query.template && (
              <>
                , or see{' '}
                <Link href={lettersHref({ ...query, status: null, page: 1 })} className="font-medium text-stone-900 underline">
                  every letter from this template
                </Link>
              </>
            )}
            .
          </p>
        </EmptyState>
      )}
    </>
  );
}
