import path from 'node:path';
import loadConfig from 'next/dist/server/config';
import { PHASE_PRODUCTION_SERVER } from 'next/constants';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '@/lib/csv/limits';

const KB = 1024;

describe('how large a body the server reads', () => {
  it('is 512 KB for a server action, which a CSV file at its limit would not fit in', async () => {
    // Read as Next reads it, so a misspelt or misplaced option fails here too.
    const config = await loadConfig(PHASE_PRODUCTION_SERVER, path.resolve(import.meta.dirname, '../..'), { silent: true });

    expect(config.experimental.serverActions?.bodySizeLimit).toBe(512 * KB);
    // The proxy holds at most twice that while it runs, instead of Next's 10 MB.
    expect(config.experimental.proxyClientMaxBodySize).toBe(1024 * KB);
    // Hence the import's own route, with its own limit.
    expect(MAX_FILE_BYTES).toBeGreaterThan(512 * KB);
  });
});
