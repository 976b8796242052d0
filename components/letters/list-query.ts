import { z } from 'zod';
import { LETTER_STATUSES, type LetterStatus } from '@/lib/letters/status';

type RawParams = Record<string, string | string[] | undefined>;

export type LetterListQuery = {
  status: LetterStatus | null;
  template: string | null;
  /** A contact's id as the URL gave it; one that is malformed or not the person's matches no letter. */
  contact: string | null;
  page: number;
};

export const NO_LETTER_FILTERS: LetterListQuery = { status: null, template: null, contact: null, page: 1 };

// Control characters (a NUL above all) would make Postgres refuse the query.
const urlText = (max: number) =>
  z
    .string()
    .transform((v) => v.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, max) || null)
    .nullable()
    .catch(null);

// A bookmarked or hand-edited URL never fails: an unknown status or page falls back to "all".
const params = z.object({
  status: z.enum(LETTER_STATUSES).nullable().catch(null),
  template: urlText(200),
  contact: urlText(100),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function parseLetterListQuery(raw: RawParams): LetterListQuery {
  const first = (key: string) => [raw[key]].flat()[0];
  return params.parse({
    status: first('status') || null,
    template: first('template') ?? null,
    contact: first('contact') ?? null,
    page: first('page') ?? 1,
  });
}

/** The letters list's URL with some parameters changed; defaults are left out so links stay short. */
export function lettersHref(query: LetterListQuery, changes: Partial<LetterListQuery> = {}) {
  const next = { ...query, ...changes };
  const search = new URLSearchParams();
  if (next.contact) search.set('contact', next.contact);
  if (next.status) search.set('status', next.status);
  if (next.template) search.set('template', next.template);
  if (next.page > 1) search.set('page', String(next.page));
  const text = search.toString();
  return text ? `/letters?${text}` : '/letters';
}
