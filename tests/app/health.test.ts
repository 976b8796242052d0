import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDatabase } from '@/db';
import { openDatabase } from '@/db/open';
import { DATABASE_UNREACHABLE_MESSAGE, describeUnexpected, isDatabaseUnreachable } from '@/lib/errors';
import { GET } from '@/app/api/health/route';
import { setupTestDatabase } from '../support/database';

setupTestDatabase();

describe('when the database cannot be reached', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the health route answers 503 and logs the cause instead of throwing', async () => {
    const healthy = await GET();
    expect(healthy.status).toBe(200);

    const unreachable = openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/nowhere' });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    useDatabase(unreachable);
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, database: 'down' });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('[health]'), 'unreachable');
    await unreachable.close();
  });

  it('recognises connection errors, however deeply wrapped', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnreachable(refused)).toBe(true);
    expect(isDatabaseUnreachable(new Error('outer', { cause: new Error('mid', { cause: refused }) }))).toBe(true);
    expect(isDatabaseUnreachable(new AggregateError([refused]))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error('dup'), { code: '23505' }))).toBe(false);
  });

  it('tells the person plainly, and logs the details for us', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(describeUnexpected('saveSettings', refused)).toBe(DATABASE_UNREACHABLE_MESSAGE);
    expect(describeUnexpected('saveSettings', new Error('boom'))).toMatch(/Something went wrong/);
    expect(log).toHaveBeenCalledTimes(2);
  });
});
