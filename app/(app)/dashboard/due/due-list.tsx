import Link from 'next/link';
import type { ReactNode } from 'react';
import { DUE_COUNT_CAP, type DueListKey } from '@/lib/dashboard/due-rules';
import { DueListHeading } from './due-list-heading';

/**
 * One list of What is due as the page gets it (due-view.ts): how many rows
 * there are in all, the few shown, whether it is opened up to show more, and
 * the link that opens or closes it (empty where the list shows neither).
 */
export type ListView<Row> = { total: number; rows: Row[]; open: boolean; toggle: string };

/**
 * One list of "What is due": a heading with its count, what the list is
 * for, the rows, what it says when there is nothing, and how many more
 * there are beyond the rows shown, with a link to show more of them.
 * Its looks are the `due-*` classes in app/globals.css: every row repeats
 * them, so each is one short name rather than a list of utilities.
 */
export function DueList({
  name,
  list: { total, open, toggle },
  title,
  description,
  rowIds,
  empty,
  children,
}: {
  name: DueListKey;
  list: Omit<ListView<unknown>, 'rows'>;
  title: string;
  description: ReactNode;
  rowIds: string[];
  empty: ReactNode;
  children: ReactNode;
}) {
  const more = total - rowIds.length;
  const id = `due-${name}`;
  return (
    <section aria-labelledby={id} className="due-list">
      <DueListHeading id={id} title={title} count={total} rows={rowIds} />
      <p>{description}</p>
      {rowIds.length > 0 ? <ul>{children}</ul> : <p className="due-empty">{empty}</p>}
      {more > 0 && (
        <p className="due-more">
          {`And ${total >= DUE_COUNT_CAP ? `at least ${more}` : more} more: dealing with these brings the next ones up. `}
          {!open && (
            <Link href={toggle}>
              Show more<span className="sr-only">{` ${title.toLowerCase()}`}</span>
            </Link>
          )}
        </p>
      )}
      {open && (
        <p className="due-more">
          <Link href={toggle}>
            Show fewer<span className="sr-only">{` ${title.toLowerCase()}`}</span>
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
    <li className="due-row">
      <p>{title}</p>
      <div className="due-meta">{meta}</div>
      {children && <div className="mt-3">{children}</div>}
      {actions && <div className="due-acts">{actions}</div>}
    </li>
  );
}

/** A row's title when it is about an application: "Position at Company", to its page. */
export function ApplicationTitle({ application }: { application: { applicationId: string; position: string; company: string } }) {
  return <Link href={`/applications/${application.applicationId}`}>{`${application.position} at ${application.company}`}</Link>;
}
