import Link from 'next/link';
import type { TableQuery } from '@/db/queries/pipeline';
import { tableHref } from './search-params';

const link = 'rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium text-stone-900 hover:bg-stone-100';
const inert = 'rounded-md border border-stone-200 px-3 py-2 text-sm text-stone-500';

/** Server-side pages: where you are, how many in all, and the way to either side. */
export function Pagination({ query, total, pageSize }: { query: TableQuery; total: number; pageSize: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = Math.min(total, (query.page - 1) * pageSize + 1);
  const to = Math.min(total, query.page * pageSize);
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-stone-700">
        {total === 0 ? 'No applications' : `${from}–${to} of ${total} ${total === 1 ? 'application' : 'applications'}`}
        {pages > 1 && ` · page ${query.page} of ${pages}`}
      </p>
      {pages > 1 && (
        <div className="flex gap-2">
          {query.page > 1 ? (
            <Link href={tableHref(query, { page: Math.min(query.page - 1, pages) })} rel="prev" className={link}>
              Previous<span className="sr-only"> page</span>
            </Link>
          ) : (
            <span aria-disabled="true" className={inert}>
              Previous<span className="sr-only"> page</span>
            </span>
          )}
          {query.page < pages ? (
            <Link href={tableHref(query, { page: query.page + 1 })} rel="next" className={link}>
              Next<span className="sr-only"> page</span>
            </Link>
          ) : (
            <span aria-disabled="true" className={inert}>
              Next<span className="sr-only"> page</span>
            </span>
          )}
        </div>
      )}
    </nav>
  );
}
