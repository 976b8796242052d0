import Form from 'next/form';
import Link from 'next/link';
import { StageOptions } from '@/components/applications/stage-options';
import { Button } from '@/components/ui/button';
import type { TableQuery } from '@/db/queries/pipeline';

const control = 'mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm sm:text-sm';
const label = 'block text-sm font-medium text-stone-800';

export const SORT_OPTIONS = [
  { id: 'updated', label: 'Last updated' },
  { id: 'applied', label: 'Applied date' },
  { id: 'company', label: 'Company' },
  { id: 'stage', label: 'Stage' },
] as const;

/**
 * Search, filter and sort as a GET form: the state lives in the URL, so a
 * search can be bookmarked and works before (or without) JavaScript.
 * Submitting starts again from page one.
 */
export function TableFilters({ query, filtered }: { query: TableQuery; filtered: boolean }) {
  return (
    <Form
      action="/applications/table"
      role="search"
      aria-label="Search and filter applications"
      className="mb-4 grid grid-cols-2 items-end gap-3 rounded-lg border border-stone-200 bg-white p-3 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]"
    >
      <div className="col-span-2 lg:col-span-1">
        <label htmlFor="table-q" className={label}>
          Search
        </label>
        <input
          id="table-q"
          type="search"
          name="q"
          maxLength={200}
          defaultValue={query.q}
          placeholder="Company, position or person"
          aria-describedby="table-q-hint"
          className={control}
        />
        <p id="table-q-hint" className="sr-only">
          Matches company, position and the names of the people linked to an application.
        </p>
      </div>
      <div>
        <label htmlFor="table-stage" className={label}>
          Stage
        </label>
        <select id="table-stage" name="stage" defaultValue={query.stage ?? ''} className={control}>
          <StageOptions empty="All stages" />
        </select>
      </div>
      <div>
        <label htmlFor="table-archived" className={label}>
          Show
        </label>
        <select id="table-archived" name="archived" defaultValue={query.archived} className={control}>
          <option value="hide">Not archived</option>
          <option value="only">Archived only</option>
          <option value="all">All</option>
        </select>
      </div>
      <div>
        <label htmlFor="table-sort" className={label}>
          Sort by
        </label>
        <select id="table-sort" name="sort" defaultValue={query.sort} className={control}>
          {SORT_OPTIONS.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit">Search</Button>
        {filtered && (
          <Link href="/applications/table" className="text-sm font-medium text-accent underline">
            Clear
          </Link>
        )}
      </div>
    </Form>
  );
}
