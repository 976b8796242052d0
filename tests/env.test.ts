import { afterEach, describe, expect, it, vi } from 'vitest';
import { env, EnvError, parseEnv, resetEnv } from '@/env';

const SECRET = 'a-secret-that-is-at-least-thirty-two-characters-long';
const RESEND = { RESEND_API_KEY: 're_live_123', MAIL_FROM: 'letters@afterword.example' };
const PRODUCTION = { NODE_ENV: 'production', APP_URL: 'https://afterword.example' };

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).message).toContain('Invalid environment');
    return (error as EnvError).problems;
  }
  throw new Error('expected parseEnv to throw');
}

describe('parseEnv', () => {
  it('runs with nothing set: development, outbox mail, localhost, .data', () => {
    const parsed = parseEnv({});

    expect(parsed).toMatchObject({
      NODE_ENV: 'development',
      mailMode: 'outbox',
      appUrl: 'http://localhost:3000',
      DATA_DIR: '.data',
    });
    expect(parsed.DATABASE_URL).toBeUndefined();
    expect(parsed.RESEND_API_KEY).toBeUndefined();
  });

  it('treats empty and blank values as unset', () => {
    const parsed = parseEnv({ DATABASE_URL: '', RESEND_API_KEY: '  ', APP_URL: '' });

    expect(parsed.DATABASE_URL).toBeUndefined();
    expect(parsed.mailMode).toBe('outbox');
    expect(parsed.appUrl).toBe('http://localhost:3000');
  });

  it('accepts postgres:// and postgresql:// URLs', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://u@h/db' }).DATABASE_URL).toBe('postgres://u@h/db');
    expect(parseEnv({ DATABASE_URL: 'postgresql://u@h/db' }).DATABASE_URL).toBe('postgresql://u@h/db');
  });

  it('names DATABASE_URL when it is not a Postgres URL', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })).toEqual([
      'DATABASE_URL: DATABASE_URL must start with postgres:// or postgresql://',
    ]);
  });

  it('names MAIL_FROM when RESEND_API_KEY comes without it', () => {
    const problems = problemsOf({ RESEND_API_KEY: 're_123' });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^MAIL_FROM: MAIL_FROM is required with RESEND_API_KEY/);
  });

  it('refuses a MAIL_FROM with a display name, since the app adds its own', () => {
    expect(problemsOf({ ...RESEND, MAIL_FROM: 'Afterword <letters@afterword.example>' })[0]).toMatch(/^MAIL_FROM:/);
  });

  it('refuses a RESEND_API_KEY that is not a Resend key', () => {
    expect(problemsOf({ ...RESEND, RESEND_API_KEY: 'sk_123' })).toEqual([
      'RESEND_API_KEY: RESEND_API_KEY must start with re_',
    ]);
  });

  it('switches to Resend when the key and sender are set', () => {
    expect(parseEnv(RESEND).mailMode).toBe('resend');
  });

  it('names AUTH_SECRET when production has none', () => {
    const problems = problemsOf({ ...PRODUCTION, ...RESEND });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^AUTH_SECRET: AUTH_SECRET is required in production/);
  });

  it('names AUTH_SECRET when it is too short to be safe', () => {
    expect(problemsOf({ AUTH_SECRET: 'short' })[0]).toMatch(/^AUTH_SECRET: AUTH_SECRET must be at least 32 characters/);
  });

  it('names RESEND_API_KEY when production would use the outbox', () => {
    const problems = problemsOf({ ...PRODUCTION, AUTH_SECRET: SECRET });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^RESEND_API_KEY: RESEND_API_KEY is required in production/);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'mysql://x' });

    expect(problems.map((p) => p.split(':')[0])).toEqual(['DATABASE_URL', 'AUTH_SECRET', 'APP_URL', 'RESEND_API_KEY']);
  });

  it('starts in production with an https APP_URL, a secret, a Resend key and a sender', () => {
    expect(parseEnv({ ...PRODUCTION, AUTH_SECRET: SECRET, ...RESEND })).toMatchObject({
      NODE_ENV: 'production',
      mailMode: 'resend',
      appUrl: 'https://afterword.example',
    });
  });

  it('names APP_URL when production has none, instead of falling back to localhost', () => {
    const problems = problemsOf({ NODE_ENV: 'production', AUTH_SECRET: SECRET, ...RESEND });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^APP_URL: APP_URL is required in production: the public https:\/\/ address/);
  });

  it('accepts AUTH_URL in place of APP_URL in production', () => {
    expect(parseEnv({ NODE_ENV: 'production', AUTH_URL: 'https://afterword.example', AUTH_SECRET: SECRET, ...RESEND }).appUrl).toBe(
      'https://afterword.example',
    );
  });

  it('names APP_URL or AUTH_URL when production would serve over plain http', () => {
    const base = { ...PRODUCTION, AUTH_SECRET: SECRET, ...RESEND };

    expect(problemsOf({ ...base, APP_URL: 'http://afterword.example' })).toEqual([
      expect.stringMatching(/^APP_URL: APP_URL must be an https:\/\/ URL in production/),
    ]);
    expect(problemsOf({ ...base, AUTH_URL: 'http://afterword.example' })).toEqual([
      expect.stringMatching(/^AUTH_URL: AUTH_URL must be an https:\/\/ URL in production/),
    ]);
    // A host that merely starts like localhost is still a network host.
    expect(problemsOf({ ...base, APP_URL: 'http://localhost.evil.example' })[0]).toMatch(/^APP_URL:/);
  });

  it('accepts plain http in production on the machine itself, as the end-to-end tests run it', () => {
    const base = { NODE_ENV: 'production', AUTH_SECRET: SECRET, ...RESEND };

    for (const url of ['http://localhost:3100', 'http://127.0.0.1:3100', 'http://[::1]:3100']) {
      expect(parseEnv({ ...base, APP_URL: url }).appUrl).toBe(url);
    }
  });

  it('keeps http://localhost:3000 as the default outside production', () => {
    expect(parseEnv({ NODE_ENV: 'development' }).appUrl).toBe('http://localhost:3000');
    expect(parseEnv({ NODE_ENV: 'test', APP_URL: 'http://afterword.example' }).appUrl).toBe('http://afterword.example');
  });

  it('reads RESEND_WEBHOOK_SECRET, and names it when it is not a whsec_ signing secret', () => {
    const whsec = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    expect(parseEnv({ RESEND_WEBHOOK_SECRET: whsec }).RESEND_WEBHOOK_SECRET).toBe(whsec);
    expect(parseEnv({ RESEND_WEBHOOK_SECRET: ' ' }).RESEND_WEBHOOK_SECRET).toBeUndefined();
    expect(problemsOf({ RESEND_WEBHOOK_SECRET: 're_123' })[0]).toMatch(/^RESEND_WEBHOOK_SECRET: .*whsec_/);
    expect(problemsOf({ RESEND_WEBHOOK_SECRET: 'whsec_' })[0]).toMatch(/^RESEND_WEBHOOK_SECRET:/);
    // Not whole base64, which the verifier could not decode.
    expect(problemsOf({ RESEND_WEBHOOK_SECRET: `${whsec}A` })[0]).toMatch(/^RESEND_WEBHOOK_SECRET:/);
  });

  it('reads RUN_WORKER: unset runs the queue beside the pages, 0 leaves it to `npm run worker`, anything else is named', () => {
    expect(parseEnv({}).RUN_WORKER).toBeUndefined();
    expect(parseEnv({ RUN_WORKER: '0' }).RUN_WORKER).toBe('0');
    expect(problemsOf({ RUN_WORKER: 'no' })[0]).toMatch(/^RUN_WORKER: RUN_WORKER must be 0 \(pages only\)/);
  });

  it('starts in production without a webhook secret: the webhook route answers 503 until it is set', () => {
    expect(parseEnv({ ...PRODUCTION, AUTH_SECRET: SECRET, ...RESEND }).RESEND_WEBHOOK_SECRET).toBeUndefined();
  });

  it('strips trailing slashes from APP_URL, and falls back to AUTH_URL', () => {
    expect(parseEnv({ APP_URL: 'https://afterword.example/' }).appUrl).toBe('https://afterword.example');
    expect(parseEnv({ APP_URL: 'https://afterword.example/app//' }).appUrl).toBe('https://afterword.example/app');
    expect(parseEnv({ AUTH_URL: 'https://auth.example/' }).appUrl).toBe('https://auth.example');
    expect(parseEnv({ APP_URL: 'https://a.example', AUTH_URL: 'https://b.example' }).appUrl).toBe('https://a.example');
  });

  it('names APP_URL when it is not an http(s) URL', () => {
    expect(problemsOf({ APP_URL: 'localhost:3000' })).toEqual(['APP_URL: APP_URL must be an http(s) URL']);
  });
});

describe('env', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnv();
  });

  it('reads process.env once, until resetEnv', () => {
    vi.stubEnv('APP_URL', 'https://first.example/');
    resetEnv();
    expect(env().appUrl).toBe('https://first.example');

    vi.stubEnv('APP_URL', 'https://second.example');
    expect(env().appUrl).toBe('https://first.example');

    resetEnv();
    expect(env().appUrl).toBe('https://second.example');
  });
});
