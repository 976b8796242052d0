import { afterEach, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import OutboxMessagePage from '@/app/outbox/[id]/page';
import OutboxPage from '@/app/outbox/page';
import { contentSecurityPolicy } from '@/lib/security/headers';
import { config, proxy } from '@/proxy';
import { restoreEnv, useOutboxMode, useResendMode } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';

setupTestDatabase();
afterEach(() => restoreEnv());

const NOT_FOUND = 'NEXT_HTTP_ERROR_FALLBACK;404';

/** The policy as a map of directive to its sources. */
function directives(policy: string) {
  return new Map(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]));
}

describe('the content security policy', () => {
  it('runs only scripts with this response’s nonce, never evaluates strings, and cannot be framed', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123', development: false }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('lets React’s development build evaluate, and only that build', () => {
    expect(directives(contentSecurityPolicy({ nonce: 'n', development: true })).get('script-src')).toContain("'unsafe-eval'");
  });
});

describe('the proxy', () => {
  const request = (path: string, cookie?: string) =>
    new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });

  it('gives every page a fresh nonce, on the response and on the request Next renders from', () => {
    const first = proxy(request('/sign-in'));
    const second = proxy(request('/sign-in'));
    const policy = first.headers.get('Content-Security-Policy')!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.headers.get('Content-Security-Policy')).not.toEqual(policy);
    // NextResponse.next passes changed request headers on under this prefix.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toEqual(policy);
  });

  it('sends visitors without a session cookie to sign-in from every signed-in page, templates included', () => {
    for (const path of ['/dashboard', '/templates', '/templates/new', '/settings']) {
      const response = proxy(request(path));
      expect(response.status).toBe(307);
      expect(new URL(response.headers.get('location')!).pathname).toBe('/sign-in');
      expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    }
    expect(proxy(request('/dashboard', 'authjs.session-token=x')).status).toBe(200);
    expect(proxy(request('/templatesque')).status).toBe(200);
  });

  it('is never in the way of the API or built files', () => {
    const source = (config.matcher[0] as { source: string }).source;
    const matches = (path: string) => new RegExp(`^${source}$`).test(path);
    expect(matches('/dashboard')).toBe(true);
    expect(matches('/')).toBe(true);
    expect(matches('/api/webhooks/resend')).toBe(false);
    expect(matches('/_next/static/chunks/app.js')).toBe(false);
    expect(matches('/icon.svg')).toBe(false);
  });
});

describe('the outbox pages', () => {
  it('are missing, each on its own, while mail goes to Resend', async () => {
    useResendMode('http://127.0.0.1:9');
    await expect(OutboxPage()).rejects.toThrow(NOT_FOUND);
    const params = Promise.resolve({ id: '00000000-0000-4000-8000-000000000000' });
    await expect(OutboxMessagePage({ params })).rejects.toThrow(NOT_FOUND);
  });

  it('list the kept mail in outbox mode', async () => {
    useOutboxMode();
    await expect(OutboxPage()).resolves.toBeTruthy();
  });
});
