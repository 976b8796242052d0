'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';

/**
 * The page shown when rendering fails. Production hides the error's message,
 * so ask the health route whether the database is the cause.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [databaseDown, setDatabaseDown] = useState(false);

  useEffect(() => {
    fetch('/api/health', { cache: 'no-store' })
      .then((response) => setDatabaseDown(response.status === 503))
      .catch(() => setDatabaseDown(false));
  }, []);

  return (
    <main id="main" className="mx-auto flex min-h-[60dvh] max-w-xl flex-col items-start justify-center px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight text-stone-900">
        {databaseDown ? 'Afterword can’t reach its database' : 'Something went wrong'}
      </h1>
      <p className="mt-3 text-stone-700" role="alert">
        {databaseDown
          ? 'Your data is safe, but it cannot be read right now. The cause has been logged on the server. Try again in a minute.'
          : 'The error has been logged on the server. Try again; if it keeps happening, reload the page.'}
      </p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
