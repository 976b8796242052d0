import { z } from 'zod';
import { letterStatus, type LetterStatus } from '@/db/schema';

type RawParams = Record<string, string | string[] | undefined>;

export type LetterListQuery = { status: LetterStatus | null; template: string | null; page: number };

// A bookmarked or hand-edited URL never fails: anything unknown falls back to "all".
const params = z.object({
  status: z.enum(letterStatus.enumValues).nullable().catch(null),
  // Control characters (a NUL above all) would make Postgres refuse the query.
  template: z
    .string()
    .transform((v) => v.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 200) || null)
    .nullable()
    .catch(null),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function parseLetterListQuery(raw: RawParams): LetterListQuery {
  const first = (key: string) => [raw[key]].flat()[0];
  return params.parse({ status: first('status') || null, template: first('template') ?? null, page: first('page') ?? 1 });
}

/** The letters list's URL with some parameters changed; defaults are left out so links stay short. */
export function lettersHref(query: LetterListQuery, changes: Partial<LetterListQuery> = {}) {
  const next = { ...query, ...changes };
  const search = new URLSearchParams();
  if (next.status) search.set('status', next.status);
  if (next.template) search.set('template', next.template);
  if (next.page > 1) search.set('page', String(next.page));
  const text = search.toString();
  return text ? `/letters?${text}` : '/letters';
}
