import Link from 'next/link';
import type { ReactNode } from 'react';
import { DUE_COUNT_CAP, type DueListKey } from '@/lib/dashboard/due-rules';
import { DueListHeading } from './due-list-heading';

/** Which list, if any, is opened up to show more rows, and the link that opens or closes one. */
export type ShowMore = { open?: DueListKey; href: (list: DueListKey, open: boolean) => string };

/**
 * One list of "What is due": a heading with its count, what the list is
 * for, the rows, what it says when there is nothing, and how many more
 * there are beyond the rows shown, with a link to show more of them.
 */
export function DueList({
  name,
  showMore,
  title,
  description,
  total,
  rowIds,
  empty,
  children,
}: {
  name: DueListKey;
  showMore: ShowMore;
  title: string;
  description: ReactNode;
  total: number;
  rowIds: string[];
  empty: ReactNode;
  children: ReactNode;
}) {
  const more = total - rowIds.length;
  const id = `due-${name}`;
  const open = showMore.open === name;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <DueListHeading id={id} title={title} count={total} rows={rowIds} />
      <p className="text-sm text-stone-600">{description}</p>
      {rowIds.length > 0 ? (
        <ul className="space-y-3">{children}</ul>
      ) : (
        <p className="rounded-md border border-dashed border-stone-300 bg-white px-4 py-3 text-sm text-stone-700">{empty}</p>
      )}
      {more > 0 && (
        <p className="text-sm text-stone-600">
          And {total >= DUE_COUNT_CAP ? `at least ${more}` : more} more: dealing with these brings the next ones up.{' '}
          {!open && (
            <Link href={showMore.href(name, true)} className="font-medium text-accent underline">
              Show more<span className="sr-only"> {title.toLowerCase()}</span>
            </Link>
          )}
        </p>
      )}
      {open && (
        <p className="text-sm">
          <Link href={showMore.href(name, false)} className="font-medium text-accent underline">
            Show fewer<span className="sr-only"> {title.toLowerCase()}</span>
          </Link>
        </p>
      )}
    </section>
  );
}

/** A row: what it is about, when, and what can be done. */
export function DueRow({
  title,
  meta,
  children,
  actions,
}: {
  title: ReactNode;
  meta: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <li className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <p className="break-words font-medium text-stone-900">{title}</p>
      <div className="mt-0.5 space-y-0.5 text-sm text-stone-600">{meta}</div>
      {children && <div className="mt-3">{children}</div>}
      {actions && <div className="mt-3 flex flex-wrap gap-2 border-t border-stone-100 pt-3">{actions}</div>}
    </li>
  );
}

/** A row's title when it is about an application: "Position at Company", to its page. */
export function ApplicationTitle({ application }: { application: { applicationId: string; position: string; company: string } }) {
  return (
    <Link href={`/applications/${application.applicationId}`} className="underline">
      {application.position} at {application.company}
    </Link>
  );
}
