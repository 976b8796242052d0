import 'server-only';
import { sql } from 'drizzle-orm';
import { LETTER_FIGURES, type LetterFigure } from '@/lib/dashboard/outcome-rules';
import { LETTER_KINDS, type LetterKind } from '@/lib/letters/kinds';
import { fromStart, statusIn, type OutcomeScope } from './scope';
import { rowsOf } from '@/db/rows';

/** `replied` is taken over `sent`: of the letters that went out, those with at least one real reply. */
export type LetterCounts = Record<LetterFigure, number> & { written: number; local: number; replied: number };
export type TemplateCounts = LetterCounts & { template: string };
export type OccasionCounts = LetterCounts & { kind: LetterKind };

const FIGURES = Object.keys(LETTER_FIGURES) as LetterFigure[];

/**
 * What came of the letters written in the period (test letters and those
 * cancelled before they left out: nobody received them), in all, by
 * template and by occasion: one pass over the person's letters, the three
 * from the same GROUP BY through grouping sets.
 *
 * `replied` counts the letters `sent` counts (so its denominator is the sent
 * figure: a letter that never left cannot be answered) that have at least
 * one real reply: a person's answer, never an automatic one or the person
 * writing to themselves; a letter answered twice counts once. The person's
 * real replies are read once, by a range on replies (user_id, received_at),
 * into the hash an IN over an uncorrelated subquery becomes. A probe of
 * replies (letter_id, received_at) per letter (EXISTS) was slower on the
 * bench account, and its estimated cost, a probe per letter, crossed the JIT
 * threshold: compiling cost more than the query (500 ms against 80 for all
 * time). A reply comes after the letter it answers, so only replies received
 * in the period can answer a letter written in it.
 */
export function letterOutcomesQuery({ userId, since }: OutcomeScope) {
  const figures = FIGURES.map((figure) => sql`, count(*) filter (where ${statusIn(sql`status`, LETTER_FIGURES[figure])})::int as ${sql.identifier(figure)}`);
  return sql`
    select template_name as template, kind,
      case grouping(template_name, kind) when 1 then 'template' when 2 then 'occasion' else 'total' end as grouped_by,
      count(*)::int as written, count(*) filter (where delivered_locally)::int as local
      ${sql.join(figures)},
      count(*) filter (where ${statusIn(sql`status`, LETTER_FIGURES.sent)} and id in (
        select letter_id from replies
        where user_id = ${userId} and kind = 'reply' and letter_id is not null ${fromStart(sql`received_at`, since)}
      ))::int as replied
    from letters
    where user_id = ${userId} and not is_test and status <> 'cancelled' ${fromStart(sql`created_at`, since)}
    group by grouping sets ((template_name), (kind), ())`;
}

type Row = LetterCounts & { template: string | null; kind: LetterKind | null; grouped_by: 'template' | 'occasion' | 'total' };

export async function letterOutcomes(scope: OutcomeScope) {
  const rows = await rowsOf<Row>(letterOutcomesQuery(scope));
  const counts = (row: LetterCounts): LetterCounts => ({
    written: row.written,
    local: row.local,
    ...(Object.fromEntries(FIGURES.map((f) => [f, row[f]])) as Record<LetterFigure, number>),
    replied: row.replied,
  });
  const total = rows.find((r) => r.grouped_by === 'total');
  const byKind = new Map(rows.filter((r) => r.grouped_by === 'occasion').map((r) => [r.kind, counts(r)]));
  return {
    total: total ? counts(total) : emptyLetterCounts(),
    byTemplate: rows
      .filter((r) => r.grouped_by === 'template')
      .map((r): TemplateCounts => ({ template: r.template ?? '', ...counts(r) }))
      .sort((a, b) => b.written - a.written || a.template.localeCompare(b.template)),
    /** Every occasion in its usual order, those with no letters as zeros: the page says so rather than leaving a gap. */
    byOccasion: LETTER_KINDS.map((kind): OccasionCounts => ({ kind, ...(byKind.get(kind) ?? emptyLetterCounts()) })),
  };
}

function emptyLetterCounts(): LetterCounts {
  return { written: 0, local: 0, sent: 0, delivered: 0, opened: 0, clicked: 0, bounced: 0, complained: 0, replied: 0 };
}

export type LetterOutcomes = Awaited<ReturnType<typeof letterOutcomes>>;
