import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

const shared = {
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'tests/support/empty.ts'),
    },
  },
  test: {
    include: ['tests/**/*.test.{ts,tsx}', 'lib/**/*.test.{ts,tsx}', 'db/**/*.test.{ts,tsx}'],
    environment: 'node',
    // next-auth imports `next/server` without an extension; inlining lets Vite resolve it.
    server: { deps: { inline: ['next-auth'] } },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/support/global-setup.ts'],
    env: {
      NODE_ENV: 'test',
      AUTH_SECRET: 'test-secret-that-is-long-enough-for-auth-js-0123456789',
      APP_URL: 'http://localhost:3000',
    },
  },
};

// Integration tests run on PGlite always, and on Postgres too when
// DATABASE_URL is set (as in CI), each file on its own fresh database.
const backends = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export default defineConfig({
  test: {
    projects: backends.map((backend) => ({
      ...shared,
      test: {
        ...shared.test,
        name: backend,
        env: { ...shared.test.env, TEST_DATABASE: backend },
        // The architecture checks read source, not a database: once is enough. tests/postgres/ holds
        // faults only a Postgres server has (a restart, connections of their own).
        exclude: [...configDefaults.exclude, backend === 'pglite' ? 'tests/postgres/**' : 'tests/architecture/**'],
      },
    })),
  },
});
