import 'server-only';
import { and, asc, count, desc, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { db } from '@/db';
import { contains } from '@/db/contains';
import { applicationContacts, applications, companies, contacts } from '@/db/schema';
import type { ApplicationStage } from '@/lib/pipeline/stages';

/*
 * The lists behind the applications board and table. Each is one or two SQL
 * statements whatever the number of applications: counts come from GROUP BY
 * and cards are capped per column in SQL, never loaded into JS to be counted.
 */

export type StageCounts = Record<ApplicationStage, number>;

const emptyCounts = (): StageCounts => ({
  wishlist: 0,
  applied: 0,
  interviewing: 0,
  offer: 0,
  accepted: 0,
  rejected: 0,
  withdrawn: 0,
  declined: 0,
  ghosted: 0,
});

/** How many applications sit in each stage, kept apart for archived and not archived. */
export async function stageCounts(userId: string) {
  const rows = await db
    .select({ stage: applications.stage, archived: applications.archived, count: count() })
    .from(applications)
    .where(eq(applications.userId, userId))
    .groupBy(applications.stage, applications.archived);
  const active = emptyCounts();
  const archived = emptyCounts();
  for (const row of rows) (row.archived ? archived : active)[row.stage] = row.count;
  return { active, archived };
}

// The primary contact, found through the one-primary-per-application index.
const primaryContact = (userId: string) =>
  db
    .select({ applicationId: applicationContacts.applicationId, name: contacts.name })
    .from(applicationContacts)
    .innerJoin(contacts, eq(contacts.id, applicationContacts.contactId))
    .where(and(eq(applicationContacts.userId, userId), eq(applicationContacts.isPrimary, true)))
    .as('primary_contact');

/** What a card and a table row both show; callers join companies and `primary` to applications. */
const listColumns = (primary: ReturnType<typeof primaryContact>) => ({
  id: applications.id,
  company: companies.name,
  position: applications.position,
  stage: applications.stage,
  archived: applications.archived,
  primaryContact: primary.name,
});

/**
 * A column first shows its 10 most recently moved cards, about a screen's height, or 5 when the
 * endings are unfolded into nine columns: every card is real markup, twice (HTML and the React
 * payload), so 25 a column made the board three times the weight of the other pages. "Show more"
 * loads BOARD_MORE at a time; the table has all of them.
 */
export const boardFirst = (columns: number) => (columns > 5 ? 5 : 10);
export const BOARD_MORE = 25;

/**
 * The cards of the board: for each of `stages`, the `perColumn` (boardFirst) applications
 * most recently moved there. One query: each column's newest are read from
 * the (user_id, archived, stage, stage_changed_at) index, `perColumn` rows a
 * column (and as many more of its archived ones when they show), so the
 * work is the same for 1,000 applications as for 100,000; a window function
 * then keeps each column's newest of those, and only the kept ones are
 * joined to their names.
 */
export async function boardCards(
  userId: string,
  options: { stages: readonly ApplicationStage[]; includeArchived: boolean; perColumn?: number },
) {
  if (options.stages.length === 0) return [];
  const perColumn = options.perColumn ?? boardFirst(options.stages.length);
  const newestOf = (stage: ApplicationStage, archived: boolean) =>
    db
      .select({ id: applications.id, stage: applications.stage, stageChangedAt: applications.stageChangedAt })
      .from(applications)
      .where(and(eq(applications.userId, userId), eq(applications.archived, archived), eq(applications.stage, stage)))
      .orderBy(desc(applications.stageChangedAt), desc(applications.id))
      .limit(perColumn);
  const [first, second, ...more] = options.stages.flatMap((stage) =>
    options.includeArchived ? [newestOf(stage, false), newestOf(stage, true)] : [newestOf(stage, false)],
  );
  const columns = (second ? unionAll(first, second, ...more) : first).as('columns');
  const ranked = db
    .select({
      id: columns.id,
      rank: sql<number>`row_number() over (partition by ${columns.stage} order by ${columns.stageChangedAt} desc, ${columns.id} desc)`.as(
        'rank',
      ),
    })
    .from(columns)
    .as('ranked');
  const primary = primaryContact(userId);
  return db
    .select({ ...listColumns(primary), stageChangedAt: applications.stageChangedAt })
    .from(ranked)
    .innerJoin(applications, and(eq(applications.id, ranked.id), eq(applications.userId, userId)))
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .leftJoin(primary, eq(primary.applicationId, applications.id))
    .where(sql`${ranked.rank} <= ${perColumn}`)
    .orderBy(desc(applications.stageChangedAt), desc(applications.id));
}

export type BoardCard = Awaited<ReturnType<typeof boardCards>>[number];

/**
 * The next cards of one column, after the last one shown (the board's order: most recently moved
 * first, id breaking ties), read along applications_user_stage_changed_idx.
 */
export async function moreBoardCards(
  userId: string,
  options: { stage: ApplicationStage; includeArchived: boolean; after: { at: Date; id: string }; limit?: number },
): Promise<BoardCard[]> {
  const primary = primaryContact(userId);
  return db
    .select({ ...listColumns(primary), stageChangedAt: applications.stageChangedAt })
    .from(applications)
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .leftJoin(primary, eq(primary.applicationId, applications.id))
    .where(
      and(
        eq(applications.userId, userId),
        options.includeArchived ? undefined : eq(applications.archived, false),
        eq(applications.stage, options.stage),
        // The last card's own time, read again: the page has it only to the millisecond, the database to the
        // microsecond. The page's copy stands in if that card has since been deleted.
        sql`(${applications.stageChangedAt}, ${applications.id}) < (coalesce((select a.stage_changed_at from applications a where a.id = ${options.after.id} and a.user_id = ${userId}), ${options.after.at.toISOString()}::timestamptz), ${options.after.id}::uuid)`,
      ),
    )
    .orderBy(desc(applications.stageChangedAt), desc(applications.id))
    .limit(options.limit ?? BOARD_MORE);
}

export const TABLE_SORTS = ['updated', 'applied', 'company', 'stage'] as const;
export type TableSort = (typeof TABLE_SORTS)[number];
export type TableArchived = 'hide' | 'only' | 'all';

export type TableQuery = {
  q: string;
  stage: ApplicationStage | null;
  archived: TableArchived;
  sort: TableSort;
  dir: 'asc' | 'desc';
  page: number;
};

export const TABLE_PAGE_SIZE = 25;

function tableWhere(userId: string, query: TableQuery): SQL | undefined {
  const q = query.q;
  return and(
    eq(applications.userId, userId),
    query.stage ? eq(applications.stage, query.stage) : undefined,
    query.archived === 'all' ? undefined : eq(applications.archived, query.archived === 'only'),
    q
      ? or(
          contains(companies.name, q),
          contains(applications.position, q),
          // EXISTS, not a join: an application with three matching contacts is still one row. Postgres
          // runs it once, as a hashed set: the person's contacts by name (trigram index), then their links.
          exists(
            db
              .select({ one: sql`1` })
              .from(applicationContacts)
              .innerJoin(contacts, eq(contacts.id, applicationContacts.contactId))
              .where(
                and(
                  eq(applicationContacts.userId, userId),
                  eq(applicationContacts.applicationId, applications.id),
                  eq(contacts.userId, userId),
                  contains(contacts.name, q),
                ),
              ),
          ),
        )
      : undefined,
  );
}

function tableOrder(query: TableQuery): SQL[] {
  const by = query.dir === 'asc' ? asc : desc;
  // Ties are broken by id so that paging never shows a row twice or skips one.
  switch (query.sort) {
    case 'applied':
      return [sql`${applications.appliedOn} ${query.dir === 'asc' ? sql`asc` : sql`desc`} nulls last`, desc(applications.updatedAt), desc(applications.id)];
    case 'company':
      return [by(sql`lower(${companies.name})`), asc(sql`lower(${applications.position})`), desc(applications.id)];
    case 'stage':
      // The stage enum is declared in pipeline order, so it sorts that way.
      return [by(applications.stage), desc(applications.stageChangedAt), desc(applications.id)];
    default:
      return [by(applications.updatedAt), by(applications.id)];
  }
}

/**
 * One page of the applications table and how many match in all: two queries,
 * run together. Without a search the count reads the applications alone, from
 * the (user_id, archived, stage, …) index: every application has its company
 * (the foreign key), so joining companies would count the same rows, only
 * slower, on every view.
 */
export async function applicationsTable(userId: string, query: TableQuery, pageSize = TABLE_PAGE_SIZE) {
  const where = tableWhere(userId, query);
  const primary = primaryContact(userId);
  const counted = query.q
    ? db.select({ total: count() }).from(applications).innerJoin(companies, eq(companies.id, applications.companyId)).where(where)
    : db.select({ total: count() }).from(applications).where(where);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ ...listColumns(primary), appliedOn: applications.appliedOn, updatedAt: applications.updatedAt })
      .from(applications)
      .innerJoin(companies, eq(companies.id, applications.companyId))
      .leftJoin(primary, eq(primary.applicationId, applications.id))
      .where(where)
      .orderBy(...tableOrder(query))
      .limit(pageSize)
      .offset((query.page - 1) * pageSize),
    counted,
  ]);
  return { rows, total };
}

export type TableRow = Awaited<ReturnType<typeof applicationsTable>>['rows'][number];

/** The person's company names, for the company field's suggestions. */
export async function companyNames(userId: string, limit = 500) {
  const rows = await db
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.userId, userId))
    .orderBy(asc(sql`lower(${companies.name})`))
    .limit(limit);
  return rows.map((r) => r.name);
}
