import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import { openDatabase } from '@/db/open';
import { migrateDatabase } from '@/db/migrate';

/**
 * Once per run and backend: on Postgres, a migrated template database that
 * each test file copies (CREATE DATABASE … TEMPLATE is far faster than
 * migrating again); on PGlite, a migrated data-dir dump each file loads.
 */
export default async function setup(project: TestProject) {
  const backend = project.config.env?.TEST_DATABASE ?? process.env.TEST_DATABASE;
  if (backend === 'postgres') return setupPostgres(project);
  return setupPglite(project);
}

async function setupPglite(project: TestProject) {
  const handle = openDatabase({ kind: 'pglite' });
  await migrateDatabase(handle);
  const client = (handle.db as unknown as { $client: import('@electric-sql/pglite').PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  const bytes = Buffer.from(await dump.arrayBuffer()).toString('base64');
  await handle.close();
  project.provide('pgliteDump', bytes);
}

async function setupPostgres(project: TestProject) {
  const url = process.env.DATABASE_URL!;
  const template = `afterword_tpl_${process.pid}_${Date.now()}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${template}"`);
  const handle = openDatabase({ kind: 'postgres', url: withDatabase(url, template), max: 1 });
  await migrateDatabase(handle);
  await handle.close();
  project.provide('postgresTemplate', template);

  return async () => {
    await admin.unsafe(`drop database if exists "${template}" with (force)`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresTemplate: string;
  }
}
