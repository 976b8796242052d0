// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must load from node_modules at run
  // time; bundling it breaks every query and copies 15 MB into public assets.
  serverExternalPackages: ['@electric-sql/pglite', 'proper-lockfile', 'pg-boss'],
  poweredByHeader: false,
  experimental: {
    // The CSV import uploads a file of up to 2 MB and sends its text back with the
    // preview; Next's default of 1 MB would refuse it before the action could explain.
    serverActions: { bodySizeLimit: '4mb' },
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
