import { describe, expect, it } from 'vitest';
import { safeCallbackPath, safeRedirect, sameSitePath } from '@/lib/safe-redirect';

const APP_URL = 'http://localhost:3000';
const DASHBOARD = 'http://localhost:3000/dashboard';

// Each of these takes a browser off the site (or runs script) if followed.
const foreign = [
  'https://evil.example/',
  'http://evil.example/settings',
  '//evil.example/x',
  '/\\evil.example',
  '\\\\evil.example',
  '/\t/evil.example',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'http://localhost:3001/settings',
  'https://localhost:3000/settings',
  'http://localhost:3000.evil.example/',
  'http://localhost:3000@evil.example/',
];

// Dot segments can leave a path that starts with `//` after resolution.
const sneaky = ['/..//evil.example', '/.//evil.example/x', '/x/..//evil.example'];

describe('safeRedirect', () => {
  it.each([
    ['/settings', 'http://localhost:3000/settings'],
    ['http://localhost:3000/letters?x=1', 'http://localhost:3000/letters?x=1'],
    ['/applications/42#notes', 'http://localhost:3000/applications/42#notes'],
    ['/', 'http://localhost:3000/'],
  ])('keeps the same-site %s', (url, expected) => {
    expect(safeRedirect(url, APP_URL)).toBe(expected);
  });

  it.each(foreign)('replaces %s with the dashboard', (url) => {
    expect(safeRedirect(url, APP_URL)).toBe(DASHBOARD);
  });

  it.each([null, undefined, ''])('sends %s to the dashboard', (url) => {
    expect(safeRedirect(url, APP_URL)).toBe(DASHBOARD);
  });

  it.each(sneaky)('never yields a protocol-relative path for %s', (url) => {
    const target = safeRedirect(url, APP_URL);
    expect(new URL(target).origin).toBe(APP_URL);
    expect(target.slice(APP_URL.length)).not.toMatch(/^\/\//);
  });
});

describe('safeCallbackPath', () => {
  it.each([
    ['/settings', '/settings'],
    ['/letters?x=1', '/letters?x=1'],
    ['/applications/42?tab=people#notes', '/applications/42?tab=people#notes'],
  ])('keeps the path %s', (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it.each(foreign)('refuses %s', (value) => {
    expect(safeCallbackPath(value)).toBeNull();
  });

  it.each([null, undefined, ''])('returns null for %s', (value) => {
    expect(safeCallbackPath(value)).toBeNull();
  });

  it.each([
    ['/..//evil.example', '/evil.example'],
    ['/.//evil.example/x', '/evil.example/x'],
    ['/x/..//evil.example', '/evil.example'],
  ])('collapses %s to a single-slash path, which redirect() cannot follow off-site', (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });
});

describe('sameSitePath', () => {
  it('returns the path of a URL on the app origin and null for anything unparsable', () => {
    expect(sameSitePath('http://localhost:3000/settings?tab=mail', APP_URL)).toBe('/settings?tab=mail');
    expect(sameSitePath('http://[::1', APP_URL)).toBeNull();
    expect(sameSitePath('/settings', 'not a url')).toBeNull();
  });
});
