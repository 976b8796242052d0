/** The path part of `url` when it stays on `appUrl`'s origin, else null. */
export function sameSitePath(url: string, appUrl: string): string | null {
  try {
    const base = new URL(appUrl);
    const target = new URL(url, base);
    if (target.origin !== base.origin) return null;
    // `/..//evil.example` resolves to the path `//evil.example`, which a
    // browser reads as another host when it is used as a redirect target.
    return `${target.pathname.replace(/^\/+/, '/')}${target.search}${target.hash}`;
  } catch {
    return null;
  }
}

/**
 * Where Auth.js may send a person. A `callbackUrl` that leaves the site
 * (another host, `//evil.example`, `/\evil.example`) becomes the dashboard.
 */
export function safeRedirect(url: string | null | undefined, appUrl: string): string {
  const path = url ? sameSitePath(url, appUrl) : null;
  return `${appUrl}${path ?? '/dashboard'}`;
}

/** The same rule for a path carried in a form or query string. */
export function safeCallbackPath(value: string | null | undefined): string | null {
  return value ? sameSitePath(value, 'http://afterword.invalid') : null;
}
