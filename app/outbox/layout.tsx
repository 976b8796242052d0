import Link from 'next/link';
import { requireOutboxMode } from './outbox-mode';

/** The outbox exists only while mail is kept locally. */
export default function OutboxLayout({ children }: { children: React.ReactNode }) {
  requireOutboxMode();
  return (
    <div className="min-h-dvh">
      <header className="border-b border-stone-200 bg-white px-4 py-4 sm:px-6">
        <div className="mx-auto flex max-w-4xl items-center justify-between">
          <Link href="/" className="text-sm font-semibold uppercase tracking-widest text-accent">
            Afterword
          </Link>
          <Link href="/dashboard" className="text-sm underline">
            Back to the app
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
