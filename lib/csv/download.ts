/** "afterword-applications-2026-03-14.csv": today's date, so downloads sort and never overwrite each other across days. */
export function exportFileName(kind: string, extension: string, now = new Date()) {
  return `afterword-${kind}-${now.toISOString().slice(0, 10)}.${extension}`;
}

/** A response the browser saves as a file; private data, so never kept by a cache. */
export function downloadResponse(body: string, kind: string, extension: 'csv' | 'json') {
  return new Response(body, {
    headers: {
      'Content-Type': `${extension === 'csv' ? 'text/csv' : 'application/json'}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${exportFileName(kind, extension)}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
