import Link from 'next/link';
import { type LetterListQuery, lettersHref } from '@/components/letters/list-query';
import { buttonClass } from '@/components/ui/button';

/** Previous and next pages of letters, keeping the filters. */
export function LetterPagination({ query, pages }: { query: LetterListQuery; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages of letters" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
      {query.page > 1 ? (
        <Link href={lettersHref(query, { page: Math.min(query.page - 1, pages) })} rel="prev" className={buttonClass('secondary')}>
          Newer letters
        </Link>
      ) : (
        <span />
      )}
      <span className="text-stone-600">
        Page {query.page.toLocaleString('en-US')} of {pages.toLocaleString('en-US')}
      </span>
      {query.page < pages ? (
        <Link href={lettersHref(query, { page: query.page + 1 })} rel="next" className={buttonClass('secondary')}>
          Older letters
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
