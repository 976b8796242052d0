import { ButtonLink } from '@/components/ui/button';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-[60dvh] max-w-xl flex-col items-start justify-center px-6 py-16">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-stone-900">This page isn’t here</h1>
      <p className="mt-3 text-stone-700">
        The address may be mistyped, or what it pointed to was deleted or belongs to someone else.
      </p>
      <ButtonLink href="/" className="mt-6">
        Go to Afterword
      </ButtonLink>
    </main>
  );
}
