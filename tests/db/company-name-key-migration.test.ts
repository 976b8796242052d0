import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { migrationsFolder } from '@/db/migrate';
import { applications, companies, contacts, users } from '@/db/schema';
import { setupTestDatabase } from '../support/database';

setupTestDatabase();

/** The migration that keys company names by case and Unicode form, statement by statement, as the migrator runs it. */
const statements = fs
  .readFileSync(path.join(migrationsFolder, '0007_company_name_key.sql'), 'utf8')
  .split('--> statement-breakpoint')
  .map((statement) => statement.trim())
  .filter(Boolean);

/** Puts back the index the migration replaces, which let these names be different companies. */
async function asBeforeTheMigration() {
  await db.execute(sql.raw('drop index "companies_user_name_idx"'));
  await db.execute(sql.raw('create unique index "companies_user_name_idx" on "companies" ("user_id", lower("name"))'));
}

async function seedPerson(label: string) {
  const [user] = await db.insert(users).values({ email: `${label}@people.example`, name: label }).returning();
  return user.id;
}

async function seedCompany(userId: string, name: string, day: number, website: string | null = null) {
  const [company] = await db
    .insert(companies)
    .values({ userId, name, website, createdAt: new Date(Date.UTC(2026, 0, day)) })
    .returning();
  await db.insert(applications).values({ userId, companyId: company.id, position: `At ${name}`, stage: 'wishlist' });
  return company.id;
}

const companiesOf = (userId: string) =>
  db.select({ id: companies.id, name: companies.name, website: companies.website }).from(companies).where(eq(companies.userId, userId)).orderBy(companies.createdAt);

describe('migration 0007: company names keyed by case and Unicode form', () => {
  it('makes one company of names the new key joins, keeping the oldest and moving the rest to it', async () => {
    await asBeforeTheMigration();
    const ada = await seedPerson('ada');
    const bob = await seedPerson('bob');
    const odos = await seedCompany(ada, 'ΟΔΟΣ Α.Ε.', 1);
    const odosAgain = await seedCompany(ada, 'Οδος Α.Ε.', 2, 'https://odos.example');
    const cafe = await seedCompany(ada, 'Café Noir', 3, 'https://cafe.example');
    await seedCompany(ada, 'Café Noir'.normalize('NFD'), 4, 'https://other.example');
    const strasse = await seedCompany(ada, 'STRASSE BAU', 5);
    await seedCompany(ada, 'Straße Bau', 6);
    const bobs = await seedCompany(bob, 'οδος α.ε.', 7);
    await db.insert(contacts).values({ userId: ada, name: 'Eleni', companyId: odosAgain });

    await db.transaction(async (tx) => {
      for (const statement of statements) await tx.execute(sql.raw(statement));
    });

    expect(await companiesOf(ada)).toEqual([
      { id: odos, name: 'ΟΔΟΣ Α.Ε.', website: 'https://odos.example' },
      { id: cafe, name: 'Café Noir', website: 'https://cafe.example' },
      { id: strasse, name: 'STRASSE BAU', website: null },
    ]);
    const moved = await db.select({ companyId: applications.companyId }).from(applications).where(eq(applications.userId, ada));
    expect(moved.map((a) => a.companyId).sort()).toEqual([odos, odos, cafe, cafe, strasse, strasse].sort());
    expect(await db.select({ companyId: contacts.companyId }).from(contacts)).toEqual([{ companyId: odos }]);
    expect(await companiesOf(bob)).toEqual([{ id: bobs, name: 'οδος α.ε.', website: null }]);

    // The new index holds from now on.
    await expect(db.insert(companies).values({ userId: ada, name: 'ΟΔΟς Α.Ε.' })).rejects.toThrow();
  });

  it('leaves companies that were different different', async () => {
    await asBeforeTheMigration();
    const ada = await seedPerson('ada');
    for (const [i, name] of ['Café Noir', 'Cafe Noir', 'Müller', 'Muller', 'Acme'].entries()) await seedCompany(ada, name, i + 1);
    await db.transaction(async (tx) => {
      for (const statement of statements) await tx.execute(sql.raw(statement));
    });
    expect((await companiesOf(ada)).map((c) => c.name)).toEqual(['Café Noir', 'Cafe Noir', 'Müller', 'Muller', 'Acme']);
  });
});
