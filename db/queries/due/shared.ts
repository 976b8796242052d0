import 'server-only';
import { and, type ColumnsSelection, eq, gt, is, notInArray, SQL, sql, type SQLWrapper } from 'drizzle-orm';
import type { AnyPgColumn, SubqueryWithSelection } from 'drizzle-orm/pg-core';
import type { SelectResultField, SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { interviews, letters } from '@/db/schema';
import { DUE_COUNT_CAP } from '@/lib/dashboard/due-rules';
import type { LetterKind } from '@/lib/letters/kinds';
import { FINAL_STATUSES, type LetterStatus } from '@/lib/letters/status';

/** Lost (bounced, failed, marked as spam, suppressed), cancelled, or waiting on the person's decision. */
export const NOT_ON_ITS_WAY = [...FINAL_STATUSES, 'needs_decision'] as const satisfies LetterStatus[];

/**
 * The letters "needs attention" lists: lost, or waiting on a decision. Not
 * one the person cancelled: that was their choice. The same list as the
 * partial index letters_user_attention_idx, which the list is read by.
 */
export const NEEDS_ATTENTION = ['bounced', 'complained', 'failed', 'suppressed', 'needs_decision'] as const satisfies LetterStatus[];

type LetterColumns =
  Pick<typeof letters, 'userId' | 'kind' | 'isTest' | 'status'> | { [K in 'userId' | 'kind' | 'isTest' | 'status']: AnyPgColumn };

/**
 * A real letter of the person's (no test), of one kind or any, that went or
 * is on its way: one that failed or bounced reached nobody, so it is still
 * owed. `letter` is the letters table or an alias of it.
 */
export function letterCounts(
  letter: LetterColumns,
  userId: string,
  kind: LetterKind | null,
  lost: readonly LetterStatus[] = FINAL_STATUSES,
) {
  return and(
    eq(letter.userId, userId),
    kind ? eq(letter.kind, kind) : undefined,
    eq(letter.isTest, false),
    notInArray(letter.status, [...lost]),
  );
}

/**
 * NOT EXISTS, checked row by row as a list's rows are read in index order.
 * Postgres would otherwise plan each one as another anti-join, and with a
 * few of them the join search alone took 15–20 ms a query; OFFSET 0 is what
 * keeps the planner from pulling a subquery up into the join.
 */
export const noneSuch = (query: SQLWrapper) => sql`not exists (${query} offset 0)`;

/** No interview of the application is scheduled after `after`: nothing has moved it on since. */
export function noInterviewAfter(userId: string, applicationId: AnyPgColumn, after: AnyPgColumn | Date) {
  return noneSuch(
    db
      .select({ one: sql`1` })
      .from(interviews)
      .where(and(eq(interviews.userId, userId), eq(interviews.applicationId, applicationId), gt(interviews.scheduledAt, after))),
  );
}

/** The first rows of a list, and how many it has in all, counted up to DUE_COUNT_CAP. */
export type DueList<Row> = { rows: Row[]; total: number };

type ListField = AnyPgColumn | SQL | SQL.Aliased;

/**
 * A list's columns, each named after its key: a list is read through a
 * subquery, where two tables' `id` or `name` would otherwise clash. Column
 * values keep their column's decoding (timestamps come back as Dates).
 */
export function listFields<Fields extends Record<string, ListField>>(fields: Fields) {
  const named = Object.entries(fields).map(([key, field]) => {
    if (is(field, SQL.Aliased)) return [key, field];
    if (is(field, SQL)) return [key, field.as(key)];
    return [key, sql`${field}`.mapWith(field).as(key)];
  });
  return Object.fromEntries(named) as { [K in keyof Fields]: SQL.Aliased<SelectResultField<Fields[K]>> };
}

/** The query of one list, in its order, before the cap; `as` names it as a subquery. */
type ListQuery<Selection extends ColumnsSelection> = {
  limit(count: number): { as<Alias extends string>(alias: Alias): SubqueryWithSelection<Selection, Alias> };
};

/**
 * Reads a list's first `limit` rows and its row count in one statement. The
 * inner query stops at DUE_COUNT_CAP rows, so its filters run for at most
 * that many (an index gives the order); the outer one counts and pages them.
 */
export async function firstRows<Selection extends ColumnsSelection>(
  tx: Executor,
  query: ListQuery<Selection>,
  orderBy: (list: SubqueryWithSelection<Selection, 'due'>) => SQL[],
  limit: number,
): Promise<DueList<SelectResultFields<Selection>>> {
  const list = query.limit(DUE_COUNT_CAP).as('due');
  const columns = Object.fromEntries(
    Object.keys(list._.selectedFields).map((key) => [key, (list as unknown as Record<string, SQL>)[key]]),
  );
  // Drizzle's type for a subquery in FROM cannot see through the generic selection.
  const rows = (await tx
    .select({ ...columns, listTotal: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(list as never)
    .orderBy(...orderBy(list))
    .limit(limit)) as ({ listTotal?: number } & SelectResultFields<Selection>)[];
  const total = rows[0]?.listTotal ?? 0;
  for (const row of rows) delete row.listTotal;
  return { rows, total };
}
