import type { RowProblem } from '@/lib/csv/import-plan';
import type { PreviewRow } from './preview-data';

/** Every row that will not be imported, by line, so the person can fix the file. */
export function PreviewProblems({ problems }: { problems: RowProblem[] }) {
  if (problems.length === 0) {
    return <p className="text-sm text-green-800">Every row can be imported.</p>;
  }
  return (
    // Not a <section>: the scrolling list below is the region named by this heading, and one landmark per name is enough.
    <div>
      <h3 id="import-problems-title" className="text-base font-semibold text-stone-900">
        {problems.length === 1 ? '1 row will not be imported' : `${problems.length.toLocaleString('en')} rows will not be imported`}
      </h3>
      <p className="mt-1 text-sm text-stone-600">Line numbers count the column names as line 1, as a spreadsheet numbers its rows.</p>
      <div
        role="region"
        aria-labelledby="import-problems-title"
        tabIndex={0}
        className="mt-2 max-h-80 overflow-y-auto rounded-md border border-red-200 bg-red-50"
      >
        <ul className="divide-y divide-red-100 text-sm text-red-900">
          {problems.map((problem) => (
            <li key={problem.line} className="px-3 py-2 break-words">
              <span className="font-medium">Line {problem.line}:</span> {problem.reason}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

const COLUMNS: { key: keyof PreviewRow; label: string }[] = [
  { key: 'line', label: 'Line' },
  { key: 'company', label: 'Company' },
  { key: 'position', label: 'Position' },
  { key: 'stage', label: 'Stage' },
  { key: 'appliedOn', label: 'Applied' },
  { key: 'location', label: 'Location' },
  { key: 'jobUrl', label: 'Job URL' },
];

/** The first rows exactly as they will be saved. */
export function PreviewSample({ rows, total }: { rows: PreviewRow[]; total: number }) {
  if (rows.length === 0) return null;
  const caption = rows.length < total ? `The first ${rows.length} of ${total.toLocaleString('en')} applications, as they will be saved` : 'The applications, as they will be saved';
  return (
    <div>
      <h3 id="import-sample-title" className="text-base font-semibold text-stone-900">
        {caption}
      </h3>
      <div role="region" aria-labelledby="import-sample-title" tabIndex={0} className="mt-2 overflow-x-auto rounded-md border border-stone-200 bg-white">
        <table className="min-w-full text-left text-sm">
          <thead className="bg-stone-50 text-stone-700">
            <tr>
              {COLUMNS.map((column) => (
                <th key={column.key} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 text-stone-800">
            {rows.map((row) => (
              <tr key={row.line}>
                {COLUMNS.map((column) => (
                  <td key={column.key} className="max-w-64 truncate px-3 py-2" title={String(row[column.key])}>
                    {row[column.key] || <span className="text-stone-500">—</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
