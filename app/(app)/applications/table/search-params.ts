import { z } from 'zod';
import { TABLE_SORTS, type TableQuery, type TableSort } from '@/db/queries/pipeline';
import { STAGE_IDS } from '@/lib/pipeline/stages';

type RawParams = Record<string, string | string[] | undefined>;

/** Each direction a column sorts in first: newest dates, A to Z, pipeline order. */
export const DEFAULT_DIR: Record<TableSort, 'asc' | 'desc'> = { updated: 'desc', applied: 'desc', company: 'asc', stage: 'asc' };

// A bookmarked or hand-edited URL never fails: anything unknown falls back to the default.
const params = z.object({
  // Control characters (a NUL above all) would make Postgres refuse the query.
  q: z
    .string()
    .catch('')
    .transform((v) => v.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 200)),
  stage: z.enum(STAGE_IDS).nullable().catch(null),
  archived: z.enum(['hide', 'only', 'all']).catch('hide'),
  sort: z.enum(TABLE_SORTS).catch('updated'),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function parseTableQuery(raw: RawParams): TableQuery {
  const first = (key: string) => [raw[key]].flat()[0];
  const parsed = params.parse({
    q: first('q') ?? '',
    stage: first('stage') || null,
    archived: first('archived'),
    sort: first('sort'),
    dir: first('dir'),
    page: first('page') ?? 1,
  });
  return { ...parsed, dir: parsed.dir ?? DEFAULT_DIR[parsed.sort] };
}

/** The table's URL with some parameters changed; defaults are left out so links stay short. */
export function tableHref(query: TableQuery, changes: Partial<TableQuery>) {
  const next = { ...query, ...changes };
  const search = new URLSearchParams();
  if (next.q) search.set('q', next.q);
  if (next.stage) search.set('stage', next.stage);
  if (next.archived !== 'hide') search.set('archived', next.archived);
  if (next.sort !== 'updated') search.set('sort', next.sort);
  if (next.dir !== DEFAULT_DIR[next.sort]) search.set('dir', next.dir);
  if (next.page > 1) search.set('page', String(next.page));
  const text = search.toString();
  return text ? `/applications/table?${text}` : '/applications/table';
}
