import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import { describe, expect, it } from 'vitest';
import { db, useDatabase, type Database } from '@/db';
import { contactsNotOnApplication } from '@/db/queries/application-contacts';
import { listContacts, mergeCandidates } from '@/db/queries/contact-list';
import { applicationsTable, type TableQuery } from '@/db/queries/pipeline';
import * as schema from '@/db/schema';
import { seedApplication, seedContact, seedLink, twoPeople } from '../contacts/support/seed';
import { setupTestDatabase } from '../support/database';

const test = setupTestDatabase();
const people = twoPeople();

/**
 * Rows around the ones searched for: contacts at 1,000 companies, and applications with two
 * contacts each. Postgres only finds a search worth an index once a person has thousands.
 */
async function seedCrowd(userId: string, crowd: { contacts: number; applications: number }) {
  await db.execute(sql`insert into companies (user_id, name) select ${userId}, 'Company ' || g from generate_series(1, 1000) g`);
  const numberedCompanies = sql`(select id, row_number() over (order by id) as n from companies where user_id = ${userId})`;
  await db.execute(sql`
    insert into contacts (user_id, name, email, title, company_id)
    select ${userId}, 'Person ' || g, 'person' || g || '@people.example', 'Title ' || (g % 40), c.id
    from generate_series(1, ${crowd.contacts}) g join ${numberedCompanies} c on c.n = 1 + g % 1000`);
  await db.execute(sql`
    insert into applications (user_id, company_id, position)
    select ${userId}, c.id, 'Position ' || g
    from generate_series(1, ${crowd.applications}) g join ${numberedCompanies} c on c.n = 1 + g % 1000`);
  await db.execute(sql`
    insert into application_contacts (user_id, application_id, contact_id)
    select ${userId}, a.id, p.id
    from (select id, row_number() over (order by id) as n from applications where user_id = ${userId}) a
    cross join generate_series(0, 1) k
    join (select id, row_number() over (order by id) as n from contacts where user_id = ${userId}) p on p.n = 1 + (a.n * 2 + k) % ${crowd.contacts}`);
}

const table = (userId: string, q: string) =>
  applicationsTable(userId, { q, stage: null, archived: 'hide', sort: 'updated', dir: 'desc', page: 1 } satisfies TableQuery);

/**
 * Ada's Grace Hopper and Howard Aiken, and Bob's namesakes at a company of the same name, among
 * the crowd; then fresh statistics and indexes, so plans are the ones Postgres picks for that size.
 */
async function seedNamesakes(crowd = { contacts: 2000, applications: 500 }) {
  const seeded = {} as Record<'adaGrace' | 'adaAiken' | 'adaApplication' | 'bobGrace' | 'bobAiken', string>;
  for (const [who, person] of [['ada', people.ada], ['bob', people.bob]] as const) {
    await seedCrowd(person.id, crowd);
    const grace = await seedContact(person.id, {
      name: 'Grace Hopper',
      email: 'amazing.grace@navy.example',
      title: 'Rear Admiral',
      company: 'Harvard Computation Lab',
    });
    const aiken = await seedContact(person.id, { name: 'Howard Aiken', company: 'Harvard Computation Lab' });
    const application = await seedApplication(person.id, 'Remington Rand', 'Compiler Writer');
    await seedLink(person.id, application, grace);
    if (who === 'ada') Object.assign(seeded, { adaGrace: grace, adaAiken: aiken, adaApplication: application });
    else Object.assign(seeded, { bobGrace: grace, bobAiken: aiken });
  }
  // VACUUM, not ANALYZE alone: it also moves the rows just written from each GIN index's pending
  // list into the index proper (autovacuum does the same in a running app), which the planner
  // otherwise prices as a list to read through on every search.
  await db.execute(sql`vacuum analyze`);
  return seeded;
}

describe('search by trigram index', () => {
  let rows: Awaited<ReturnType<typeof seedNamesakes>>;

  it('finds a contact by any part of their name, email, title or company, whatever the case', async () => {
    rows = await seedNamesakes();
    const ids = async (q: string) => (await listContacts(people.ada.id, { q })).rows.map((r) => r.id).sort();
    expect(await ids('HOPPER')).toEqual([rows.adaGrace]);
    expect(await ids('ZING.GRACE@NAVY')).toEqual([rows.adaGrace]);
    expect(await ids('rear adm')).toEqual([rows.adaGrace]);
    expect(await ids('computation LAB')).toEqual([rows.adaGrace, rows.adaAiken].sort());
    // Under three characters there is no trigram to look up: the person's rows are read instead.
    expect(await ids('ik')).toEqual([rows.adaAiken]);
    expect((await listContacts(people.ada.id, { q: 'computation lab' })).total).toBe(2);
    expect((await listContacts(people.ada.id, { q: 'person 1' })).total).toBe(1111);
    expect((await listContacts(people.ada.id, { q: 'nobody' })).total).toBe(0);
  });

  it('never returns another person’s rows, whichever column matched', async () => {
    rows = await seedNamesakes();
    for (const q of ['grace', 'navy.example', 'admiral', 'harvard', 'aiken', 'person 1999', 'company 7']) {
      const { rows: found, total } = await listContacts(people.ada.id, { q });
      expect(found.length, q).toBeGreaterThan(0);
      expect(total, q).toBe((await listContacts(people.bob.id, { q })).total);
      expect(found.map((r) => r.id), q).not.toContain(rows.bobGrace);
      expect(found.map((r) => r.id), q).not.toContain(rows.bobAiken);
    }
    const merge = await mergeCandidates(people.ada.id, { id: rows.adaGrace, name: 'Grace Hopper', email: null }, { q: 'AIKEN' });
    expect(merge.map((r) => r.id)).toEqual([rows.adaAiken]);

    const applications = await table(people.ada.id, 'hopper');
    expect(applications.rows.map((r) => r.id)).toEqual([rows.adaApplication]);
    expect(applications.total).toBe(1);
    expect((await table(people.ada.id, 'compiler writer')).total).toBe(1);

    const [other] = (await table(people.ada.id, 'position 1')).rows;
    const pickable = await contactsNotOnApplication(people.ada.id, other.id, 'Hopper');
    expect(pickable.map((r) => r.id)).toEqual([rows.adaGrace]);
  });

  it('reads the matches through the trigram indexes', async () => {
    await seedNamesakes();
    const contactList = await statementsOf(() => listContacts(people.ada.id, { q: 'hopper' }));
    expect(contactList).toHaveLength(2);
    for (const statement of contactList) {
      const text = await plan(statement);
      expect(text).toContain('contacts_name_trgm_idx');
      expect(text).toContain('contacts_email_trgm_idx');
      expect(text).toContain('contacts_title_trgm_idx');
      expect(text).toContain('companies_name_trgm_idx');
    }

    const applications = await statementsOf(() => table(people.ada.id, 'hopper'));
    expect(applications).toHaveLength(2);
    for (const statement of applications) {
      const text = await plan(statement);
      expect(text).toContain('contacts_name_trgm_idx');
    }
  });
});

type Statement = { query: string; params: unknown[] };

/** The statements `run` sends, caught by a logging Drizzle over the same connection. */
async function statementsOf(run: () => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = [];
  const logger = { logQuery: (query: string, params: unknown[]) => statements.push({ query, params }) };
  const original = test.db;
  const client = (original as unknown as { $client: unknown }).$client;
  const logging = (
    test.kind === 'pglite' ? drizzlePglite(client as PGlite, { schema, logger }) : drizzlePostgres(client as Sql, { schema, logger })
  ) as unknown as Database;
  const close = async () => {};
  useDatabase({ db: logging, kind: test.kind, close });
  try {
    await run();
  } finally {
    useDatabase({ db: original, kind: test.kind, close });
  }
  return statements;
}

/**
 * EXPLAIN of one caught statement, with its own parameters. A test's few thousand rows fit in a
 * handful of pages, where reading them all is rightly cheapest; with sequential scans priced out
 * (in a transaction, so the setting ends with it) the plan shows which index serves the search.
 * On the bench account's 40,000 contacts Postgres picks the trigram indexes on its own.
 */
async function plan({ query, params }: Statement) {
  const client = (test.db as unknown as { $client: unknown }).$client;
  const noSeqScan = 'set local enable_seqscan = off';
  const rows =
    test.kind === 'pglite'
      ? await (client as PGlite).transaction(async (tx) => {
          await tx.exec(noSeqScan);
          return (await tx.query<Record<string, string>>(`explain ${query}`, params)).rows;
        })
      : await (client as Sql).begin(async (tx) => {
          await tx.unsafe(noSeqScan);
          return tx.unsafe<Record<string, string>[]>(`explain ${query}`, params as never[]);
        });
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}
