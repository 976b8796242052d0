// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must load from node_modules at run
  // time; bundling it breaks every query and copies 15 MB into public assets.
  serverExternalPackages: ['@electric-sql/pglite', 'proper-lockfile'],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
