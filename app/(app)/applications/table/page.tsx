import type { Metadata } from 'next';
import Link from 'next/link';
import { ApplicationsHeader } from '@/components/applications/applications-header';
import { NoApplications } from '@/components/applications/no-applications';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { applicationsTable, stageCounts, TABLE_PAGE_SIZE } from '@/db/queries/pipeline';
import { requireUser } from '@/lib/auth/user';
import { stageLabel } from '@/lib/pipeline/stages';
import { ApplicationsTable } from './applications-table';
import { BulkActions } from './bulk-actions';
import { Pagination } from './pagination';
import { parseTableQuery, tableHref } from './search-params';
import { SORT_OPTIONS, TableFilters } from './table-filters';

export const metadata: Metadata = { title: 'Applications table' };

export default async function ApplicationsTablePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, params] = await Promise.all([requireUser(), searchParams]);
  const query = parseTableQuery(params);
  // Set by the CSV import on its way here; a number only, never echoed text.
  const imported = typeof params.imported === 'string' && /^\d{1,5}$/.test(params.imported) ? Number(params.imported) : null;
  const { rows, total } = await applicationsTable(user.id, query);
  const filtered = Boolean(query.q || query.stage || query.archived !== 'hide');
  const pages = Math.max(1, Math.ceil(total / TABLE_PAGE_SIZE));
  const sortLabel = SORT_OPTIONS.find((o) => o.id === query.sort)?.label.toLowerCase();
  const caption = `Applications${query.stage ? ` in ${stageLabel(query.stage)}` : ''}${query.q ? ` matching “${query.q}”` : ''}, sorted by ${sortLabel} (${query.dir === 'asc' ? 'ascending' : 'descending'}), page ${query.page} of ${pages}`;

  // Only an empty, unfiltered table asks whether everything is archived.
  const archivedOnly = total === 0 && !filtered && Object.values((await stageCounts(user.id)).archived).some((n) => n > 0);

  let body;
  if (total === 0 && !filtered && !archivedOnly) {
    body = (
      <NoApplications>
        <p>Every job you apply for, or mean to, is listed here once you add it: search it, sort it, and change many at once.</p>
      </NoApplications>
    );
  } else if (archivedOnly) {
    body = (
      <EmptyState
        title="Every application is archived"
        action={<ButtonLink href="/applications/table?archived=only" variant="secondary">Show archived applications</ButtonLink>}
      >
        <p>Archived applications are left out of this list until you choose to show them.</p>
      </EmptyState>
    );
  } else if (total === 0) {
    body = (
      <EmptyState title="No applications match" action={<ButtonLink href="/applications/table" variant="secondary">Clear search and filters</ButtonLink>}>
        <p>Nothing matches this search and these filters. Archived applications are left out unless you choose to show them.</p>
      </EmptyState>
    );
  } else if (rows.length === 0) {
    body = (
      <EmptyState title={`There is no page ${query.page}`}>
        <p>
          These results end at page {pages}.{' '}
          <Link href={tableHref(query, { page: pages })} className="font-medium text-accent underline">
            Go to the last page
          </Link>
        </p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <ApplicationsTable rows={rows} query={query} caption={caption} />
        <Pagination query={query} total={total} pageSize={TABLE_PAGE_SIZE} />
      </>
    );
  }

  return (
    <>
      <ApplicationsHeader view="table" description="Every application in one list: search, sort, and change several at once." />
      {imported !== null && (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
          {imported === 1 ? '1 application imported.' : `${imported} applications imported.`}
        </p>
      )}
      <TableFilters query={query} filtered={filtered} />
      {/* Around the empty states too, so "Moved 2 applications" stays on screen when they leave this list.
          Keyed by the URL so that a new page or search starts with nothing selected. */}
      <BulkActions key={tableHref(query, {})} pageIds={rows.map((r) => r.id)}>
        {body}
      </BulkActions>
    </>
  );
}
