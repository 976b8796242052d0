import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError, lockDataDir } from '@/db/lock';
import { openDatabase, type DatabaseHandle } from '@/db/open';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** Tries to take the lock from a separate Node process; resolves with how that went. */
function lockFromAnotherProcess(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = `
    const { lockDataDir } = require(${JSON.stringify(path.join(root, 'db/lock.ts'))});
    try {
      lockDataDir(process.argv[1]);
      console.log('locked');
    } catch (error) {
      console.error(error.name + ': ' + error.message);
      process.exitCode = 3;
    }`;
  return new Promise((resolve) => {
    execFile(tsx, ['-e', script, dir], { cwd: root, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

// A PGlite open on disk takes ~2-5 s alone but passed 30 s on a loaded machine.
const SLOW = { timeout: 60_000 };

describe('the PGlite data folder lock', () => {
  let dataDir: string;
  let open: DatabaseHandle[] = [];

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterword-lock-'));
  });
  afterEach(async () => {
    for (const handle of open) await handle.close().catch(() => {});
    open = [];
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second opener in this process until the first closes', SLOW, async () => {
    const first = openDatabase({ kind: 'pglite', dataDir });
    open.push(first);
    await first.db.execute(sql`create table kept (v int)`);
    await first.db.execute(sql`insert into kept values (42)`);

    expect(() => openDatabase({ kind: 'pglite', dataDir })).toThrow(DatabaseInUseError);
    expect(() => openDatabase({ kind: 'pglite', dataDir })).toThrow(/in use/);

    await first.close();
    open = [];
    const second = openDatabase({ kind: 'pglite', dataDir });
    open.push(second);
    const result = (await second.db.execute(sql`select v from kept`)) as unknown as { rows: unknown[] };
    expect(result.rows).toEqual([{ v: 42 }]);
  });

  it('refuses another process while this one holds the folder, and frees it on release', SLOW, async () => {
    const release = lockDataDir(dataDir);
    try {
      const blocked = await lockFromAnotherProcess(dataDir);
      expect(blocked.code).toBe(3);
      expect(blocked.stdout).toBe('');
      expect(blocked.stderr).toContain(`DatabaseInUseError: The embedded database in ${dataDir} is in use`);
    } finally {
      release();
    }

    const free = await lockFromAnotherProcess(dataDir);
    expect(free).toMatchObject({ code: 0, stdout: 'locked\n' });
    // The other process exited, and its lock went with it.
    expect(() => lockDataDir(dataDir)()).not.toThrow();
  });

  it('names the folder and the way out in its message', () => {
    const error = new DatabaseInUseError('/srv/afterword/.data/pglite');

    expect(error.name).toBe('DatabaseInUseError');
    expect(error.message).toContain('/srv/afterword/.data/pglite is in use by another Afterword process');
    expect(error.message).toContain('DATABASE_URL');
  });
});
