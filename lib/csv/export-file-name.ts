/** "afterword-applications-2026-03-14.csv": today's date, so downloads sort and never overwrite each other across days. */
export function exportFileName(kind: string, extension: string, now = new Date()) {
  return `afterword-${kind}-${now.toISOString().slice(0, 10)}.${extension}`;
}
