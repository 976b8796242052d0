/**
 * The browser's part of the defence: what a page may load and run, and what
 * it tells others. Every page gets a fresh nonce, so only the scripts the
 * server wrote into that response run; an injected `<script>` has no nonce.
 */

/** Where the OAuth sign-in buttons post to, when those providers are on. */
const OAUTH_FORM_TARGETS = ['https://github.com', 'https://accounts.google.com'];

export function contentSecurityPolicy({ nonce, development }: { nonce: string; development: boolean }): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'strict-dynamic' lets Next's own scripts load the chunks they need.
    // React's development build evaluates strings to rebuild stack traces.
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // Letters are email HTML, styled inline, and shown in sandboxed frames that
    // inherit this policy; styles cannot run code, scripts stay nonce-only.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'frame-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'", ...OAUTH_FORM_TARGETS],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** A year, with subdomains: once a browser has seen the app on https, it never tries http. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

