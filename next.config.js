// @ts-check

/**
 * The largest body a server action reads. The largest form is the template
 * editor's live preview: 40,000 characters, at up to 3 bytes each in UTF-8,
 * sent with the form's last state (what was typed, and the preview's HTML).
 * The CSV import, which needs more, posts to its own route.
 */
const ACTION_BODY_BYTES = 512 * 1024;

/**
 * What the proxy holds of a request's body while it runs (Next's default is
 * 10 MB). Twice an action's limit, so a body over that limit still reaches
 * the action's own refusal rather than arriving cut short.
 */
const PROXY_BODY_BYTES = 2 * ACTION_BODY_BYTES;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must load from node_modules at run
  // time; bundling it breaks every query and copies 15 MB into public assets.
  serverExternalPackages: ['@electric-sql/pglite', 'proper-lockfile', 'pg-boss'],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: ACTION_BODY_BYTES },
    proxyClientMaxBodySize: PROXY_BODY_BYTES,
  },
  // What every response says, whatever it is: a page, a file, an API answer.
  // The per-request ones (the page's script nonce, HSTS) are set as it is served.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
