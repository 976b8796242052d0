import 'server-only';
import { sql } from 'drizzle-orm';
import { LETTER_FIGURES, type LetterFigure } from '@/lib/dashboard/outcome-rules';
import { fromStart, rowsOf, statusIn, type OutcomeScope } from './scope';

export type LetterCounts = Record<LetterFigure, number> & { written: number; local: number };
export type TemplateCounts = LetterCounts & { template: string };

const FIGURES = Object.keys(LETTER_FIGURES) as LetterFigure[];

/**
 * What came of the letters written in the period (test letters and those
 * cancelled before they left out: nobody received them), in
 * all and by template: one pass over the person's letters, the total and the
 * per-template rows from the same GROUP BY through grouping sets.
 */
export function letterOutcomesQuery({ userId, since }: OutcomeScope) {
  const figures = FIGURES.map((figure) => sql`, count(*) filter (where ${statusIn(sql`status`, LETTER_FIGURES[figure])})::int as ${sql.identifier(figure)}`);
  return sql`
    select template_name as template, grouping(template_name) = 1 as is_total,
      count(*)::int as written, count(*) filter (where delivered_locally)::int as local
      ${sql.join(figures)}
    from letters
    where user_id = ${userId} and not is_test and status <> 'cancelled' ${fromStart(sql`created_at`, since)}
    group by grouping sets ((template_name), ())`;
}

export async function letterOutcomes(scope: OutcomeScope) {
  const rows = await rowsOf<TemplateCounts & { is_total: boolean }>(letterOutcomesQuery(scope));
  const counts = (row: LetterCounts): LetterCounts => ({
    written: row.written,
    local: row.local,
    ...(Object.fromEntries(FIGURES.map((f) => [f, row[f]])) as Record<LetterFigure, number>),
  });
  const total = rows.find((r) => r.is_total);
  return {
    total: total ? counts(total) : emptyLetterCounts(),
    byTemplate: rows
      .filter((r) => !r.is_total)
      .map((r) => ({ template: r.template, ...counts(r) }))
      .sort((a, b) => b.written - a.written || a.template.localeCompare(b.template)),
  };
}

function emptyLetterCounts(): LetterCounts {
  return { written: 0, local: 0, sent: 0, delivered: 0, opened: 0, clicked: 0, bounced: 0, complained: 0 };
}

export type LetterOutcomes = Awaited<ReturnType<typeof letterOutcomes>>;
