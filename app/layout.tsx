import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Afterword', template: '%s · Afterword' },
  description: 'Keep your job search in one place and send the thank-you letters that move it forward.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/**
 * Rendered for each request, never prerendered: every page's scripts carry
 * that response's nonce, which a page built ahead of time could not know.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
