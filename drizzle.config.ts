import { defineConfig } from 'drizzle-kit';

// Only `generate` is used: migrations are applied by db/migrate.ts, the same
// way on PGlite and Postgres, so drizzle-kit never opens a database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
