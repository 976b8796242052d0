import Link from 'next/link';
import { Suspense } from 'react';
import { NavLinks } from '@/components/shell/nav-links';
import { SignOutButton } from '@/components/shell/sign-out-button';
import { env } from '@/env';
import { requireUser } from '@/lib/auth/user';
import { signOutAction } from './actions';
import { LeavingLetters } from './leaving-letters';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const outbox = env().mailMode === 'outbox';
  return (
    <div className="min-h-dvh">
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 pt-3 sm:px-6">
          <Link href="/dashboard" className="text-sm font-semibold uppercase tracking-widest text-accent">
            Afterword
          </Link>
          <div className="flex min-w-0 items-center gap-2 text-sm text-stone-700">
            <span className="truncate" title={user.email}>
              {user.name || user.email}
            </span>
            <SignOutButton action={signOutAction} />
          </div>
        </div>
        <nav aria-label="Main" className="mx-auto max-w-6xl px-2 pb-2 sm:px-4">
          <NavLinks extra={outbox ? [{ href: '/outbox', label: 'Outbox' }] : []} />
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
      {/* Streams in after the page: it never holds the page up. */}
      <Suspense>
        <LeavingLetters userId={user.id} />
      </Suspense>
    </div>
  );
}
