import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/** Previous and next pages of the list, keeping the search. */
export function Pagination({ page, pages, q }: { page: number; pages: number; q: string }) {
  if (pages <= 1) return null;
  const href = (to: number) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (to > 1) params.set('page', String(to));
    const query = params.toString();
    return query ? `/contacts?${query}` : '/contacts';
  };
  return (
    <nav aria-label="Pages of contacts" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={buttonClass('secondary')}>
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <span className="text-stone-600">
        Page {page.toLocaleString('en-US')} of {pages.toLocaleString('en-US')}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className={buttonClass('secondary')}>
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
