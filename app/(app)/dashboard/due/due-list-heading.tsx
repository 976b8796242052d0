'use client';

import { useEffect, useRef, useState } from 'react';
import { DUE_COUNT_CAP } from '@/lib/dashboard/due-rules';

/**
 * A list's heading with its count. When a row leaves the list (sent,
 * dismissed, snoozed), the button that was pressed goes with it: focus then
 * returns here instead of to the top of the page, and the new count is
 * announced.
 */
export function DueListHeading({ id, title, count, rows }: { id: string; title: string; count: number; rows: string[] }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const previous = useRef(count);
  const [announcement, setAnnouncement] = useState('');
  const shown = useRef(rows.join(' '));

  useEffect(() => {
    if (count < previous.current) setAnnouncement(`Done. ${title}: ${count === 0 ? 'nothing left' : `${count} left`}.`);
    previous.current = count;
  }, [count, title]);

  // Only when the rows change, not on the first render, when nothing has focus yet.
  const rowsNow = rows.join(' ');
  useEffect(() => {
    if (rowsNow === shown.current) return;
    shown.current = rowsNow;
    const active = document.activeElement;
    if (!active || active === document.body) heading.current?.focus();
  }, [rowsNow]);

  return (
    <>
      {/* Looks: `.due-list h3` in app/globals.css. */}
      <h3 id={id} ref={heading} tabIndex={-1}>
        {`${title} `}
        <span>
          {/* Lists count up to the cap: past it, the number is "at least". */}
          {count >= DUE_COUNT_CAP ? `${DUE_COUNT_CAP}+` : count}
          <span className="sr-only">{count === 1 ? ' item' : ' items'}</span>
        </span>
      </h3>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </>
  );
}
