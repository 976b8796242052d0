import type { ReactNode } from 'react';

export type ChartTable = { caption: string; columns: string[]; rows: (string | number)[][] };

/**
 * A chart with its words: the drawing is hidden from screen readers, which
 * read the same figures as a table instead (visually hidden, first column
 * as row headings).
 */
export function ChartFigure({ title, note, table, children }: { title: string; note?: ReactNode; table: ChartTable; children: ReactNode }) {
  return (
    <figure className="outcome-chart">
      <figcaption>{title}</figcaption>
      {note ? <p>{note}</p> : null}
      <div aria-hidden="true">{children}</div>
      {/* The wrapper is what is visually hidden: a table cannot shrink to 1px, and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map(([heading, ...cells]) => (
              <tr key={String(heading)}>
                <th scope="row">{heading}</th>
                {cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
