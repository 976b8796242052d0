import Link from 'next/link';
import type { TableQuery, TableRow, TableSort } from '@/db/queries/pipeline';
import { RowCheckbox, SelectAllCheckbox } from './bulk-actions';
import { DEFAULT_DIR, tableHref } from './search-params';
import { StageBadge } from './stage-badge';

// Dates print the same wherever the server runs.
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const formatDay = (value: Date | string) => day.format(typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value);

/** A column heading that sorts by it; pressing the sorted one again reverses it. */
function SortHeader({ query, sort, children, className = '' }: { query: TableQuery; sort: TableSort; children: string; className?: string }) {
  const active = query.sort === sort;
  const dir = active ? (query.dir === 'asc' ? 'desc' : 'asc') : DEFAULT_DIR[sort];
  return (
    <th scope="col" aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined} className={`p-3 font-semibold ${className}`}>
      <Link href={tableHref(query, { sort, dir, page: 1 })} className="inline-flex items-center gap-1 hover:underline">
        {children}
        <span aria-hidden className="text-xs text-stone-500">
          {active ? (query.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </Link>
    </th>
  );
}

export function ApplicationsTable({ rows, query, caption }: { rows: TableRow[]; query: TableQuery; caption: string }) {
  return (
    <div className="overflow-hidden rounded-lg border border-stone-200 bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-stone-800">
          <tr>
            <th scope="col" className="w-11 p-3">
              <SelectAllCheckbox />
            </th>
            <SortHeader query={query} sort="company">
              Application
            </SortHeader>
            <SortHeader query={query} sort="stage">
              Stage
            </SortHeader>
            <th scope="col" className="hidden p-3 font-semibold md:table-cell">
              Primary contact
            </th>
            <SortHeader query={query} sort="applied" className="hidden sm:table-cell">
              Applied
            </SortHeader>
            <SortHeader query={query} sort="updated" className="hidden lg:table-cell">
              Updated
            </SortHeader>
          </tr>
        </thead>
        <tbody className="application-rows">
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <RowCheckbox id={row.id} name={`${row.company} — ${row.position}`} />
              </td>
              <th scope="row">
                <Link href={`/applications/${row.id}`}>
                  <b>{row.company}</b>
                  <span>{row.position}</span>
                </Link>
              </th>
              <td>
                <StageBadge stage={row.stage} archived={row.archived} />
              </td>
              <td className="from-md">{row.primaryContact ?? <span className="text-stone-500">—</span>}</td>
              <td className="from-sm">{row.appliedOn ? formatDay(row.appliedOn) : <span className="text-stone-500">—</span>}</td>
              <td className="from-lg">{formatDay(row.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
