import { redirect } from 'next/navigation';
import { ButtonLink } from '@/components/ui/button';
import { getUser } from '@/lib/auth/user';

export default async function LandingPage() {
  if (await getUser()) redirect('/dashboard');

  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-3xl flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-widest text-accent">Afterword</p>
      <h1 className="mt-3 text-4xl font-semibold tracking-tight text-stone-900 sm:text-5xl">
        The letters that move a job search forward.
      </h1>
      <p className="mt-5 max-w-prose text-lg text-stone-700">
        Keep your applications, interviews and the people you met in one place. After every interview,
        send a personal thank-you with one click — and after a rejection too, because the people you met
        are your network.
      </p>
      <ul className="mt-6 space-y-2 text-stone-700">
        <li>• A pipeline board from wishlist to offer, with every move kept.</li>
        <li>• Thank-you letters written from what impressed you, sent to everyone you met.</li>
        <li>• A dashboard of what is due today and what your letters achieved.</li>
      </ul>
      <p className="mt-6 text-sm text-stone-600">
        80% of HR managers take thank-you notes into account, yet only 24% of candidates send one
        (Accountemps/Robert Half survey, 2017).
      </p>
      <div className="mt-8">
        <ButtonLink href="/sign-in">Sign in</ButtonLink>
      </div>
    </main>
  );
}
