/**
 * `npm run test:e2e`: everything the Playwright suite needs, from nothing.
 * 1. A browser: CHROMIUM_PATH, else Debian's Chromium (installed with apt-get
 *    when missing and we are root), else Playwright's own download.
 * 2. A fresh database on PostgreSQL (DATABASE_URL's server, else the local
 *    one), dropped afterwards, so runs never share state.
 * 3. A production build, which `next start` then serves.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import postgres from 'postgres';

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status ?? 1;
};

function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const debian = '/usr/bin/chromium';
  if (fs.existsSync(debian)) return debian;
  const canApt = process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0;
  if (canApt) {
    console.log('[e2e] installing Debian Chromium…');
    if (run('apt-get', ['update', '-qq']) === 0 && run('apt-get', ['install', '-y', '-qq', 'chromium']) === 0) {
      return debian;
    }
  }
  console.log('[e2e] no system Chromium; using Playwright’s own browser');
  if (run('npx', ['playwright', 'install', 'chromium']) !== 0) throw new Error('Could not install a browser for the e2e tests');
  return undefined;
}

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function main() {
  const chromium = findChromium();
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = postgres(serverUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await admin`select 1`;
  } catch (error) {
    console.error(
      `[e2e] The end-to-end tests need PostgreSQL (tests seed and inspect it directly) and could not reach ${serverUrl
        .replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message}\nStart PostgreSQL, or set DATABASE_URL.`,
    );
    process.exit(1);
  }
  const name = `afterword_e2e_${process.pid}_${Date.now()}`;
  await admin.unsafe(`create database "${name}"`);
  const env = { ...process.env, E2E_DATABASE_URL: withDatabase(serverUrl, name), CHROMIUM_PATH: chromium ?? '' };

  let status = 1;
  try {
    if (process.env.E2E_SKIP_BUILD !== '1') {
      status = run('npx', ['next', 'build'], env);
      if (status !== 0) throw new Error('next build failed');
    }
    status = run('npx', ['playwright', 'test', ...process.argv.slice(2)], env);
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
  process.exit(status);
}

main().catch((error) => {
  console.error('[e2e]', error.message);
  process.exit(1);
});

