import Link from 'next/link';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-6 py-5">
        <Link href="/" className="text-sm font-semibold uppercase tracking-widest text-accent">
          Afterword
        </Link>
      </header>
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-6 pb-16 pt-6">
        {children}
      </main>
    </div>
  );
}
