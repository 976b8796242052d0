import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetEnv } from '@/env';
import { authSecret } from '@/server/security/secret';

const holder = globalThis as unknown as { __afterwordAuthSecret?: string };

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnv();
  holder.__afterwordAuthSecret = undefined;
});

describe('authSecret', () => {
  it('generates a development secret once and keeps it in the data folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterword-secret-'));
    vi.stubEnv('AUTH_SECRET', '');
    vi.stubEnv('NODE_ENV', 'development');
    vi.stubEnv('DATA_DIR', dir);
    resetEnv();

    const first = authSecret();
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(fs.readFileSync(path.join(dir, 'auth-secret'), 'utf8').trim()).toBe(first);
    expect(fs.statSync(path.join(dir, 'auth-secret')).mode & 0o077).toBe(0);

    // A restart (a fresh process) reads the same secret back.
    holder.__afterwordAuthSecret = undefined;
    expect(authSecret()).toBe(first);
  });

  it('uses AUTH_SECRET when it is set', () => {
    vi.stubEnv('AUTH_SECRET', 'x'.repeat(40));
    resetEnv();
    expect(authSecret()).toBe('x'.repeat(40));
  });

  it('refuses to start in production without one', async () => {
    vi.stubEnv('AUTH_SECRET', '');
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('RESEND_API_KEY', 're_live');
    vi.stubEnv('MAIL_FROM', 'letters@example.com');
    resetEnv();
    expect(() => authSecret()).toThrow(/AUTH_SECRET is required in production/);
  });
});
