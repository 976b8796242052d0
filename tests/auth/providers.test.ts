import { afterEach, describe, expect, it, vi } from 'vitest';
import { oauthProviders } from '@/auth';
import { resetEnv } from '@/env';

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnv();
});

describe('sign-in methods', () => {
  it('offers GitHub and Google only when both of their variables are set', () => {
    vi.stubEnv('AUTH_GITHUB_ID', '');
    vi.stubEnv('AUTH_GOOGLE_ID', '');
    resetEnv();
    expect(oauthProviders()).toEqual([]);

    vi.stubEnv('AUTH_GITHUB_ID', 'gh-id');
    resetEnv();
    expect(oauthProviders()).toEqual([]);

    vi.stubEnv('AUTH_GITHUB_SECRET', 'gh-secret');
    resetEnv();
    expect(oauthProviders()).toEqual([{ id: 'github', name: 'GitHub' }]);

    vi.stubEnv('AUTH_GOOGLE_ID', 'g-id');
    vi.stubEnv('AUTH_GOOGLE_SECRET', 'g-secret');
    resetEnv();
    expect(oauthProviders().map((p) => p.id)).toEqual(['github', 'google']);
  });
});
