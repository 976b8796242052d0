import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { accountSummary } from '@/db/queries/account';
import { requireUser } from '@/lib/auth/user';
import { plural } from '@/lib/words';
import { DeleteAccountForm } from './delete-account-form';

export const metadata: Metadata = { title: 'Delete your account' };

export default async function DeleteAccountPage() {
  const user = await requireUser();
  const summary = await accountSummary(user.id);
  if (!summary) notFound();
  const letters = `${plural(summary.letters, 'letter')}, with their recipients and what Resend reported`;
  return (
    <>
      <PageHeader title="Delete your account" description="This deletes everything you keep in Afterword, for good. It cannot be undone." />
      <section aria-labelledby="what-goes" className="max-w-xl">
        <h2 id="what-goes" className="text-base font-semibold text-stone-900">
          What goes
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-stone-700">
          <li>
            {plural(summary.applications, 'application')} at {plural(summary.companies, 'company', 'companies')}, with their stage
            history and timeline
          </li>
          <li>{plural(summary.interviews, 'interview')}</li>
          <li>{plural(summary.contacts, 'contact')}</li>
          <li>
            {letters}
            {summary.queuedLetters > 0 && (
              <>
                {' '}
                ({plural(summary.queuedLetters, 'letter')} not sent yet will not be sent)
              </>
            )}
          </li>
          <li>{plural(summary.templates, 'template')} of your own, and your settings</li>
          <li>your sign-in: you are signed out everywhere</li>
        </ul>
        <p className="mt-3 text-sm text-stone-700">
          Letters already sent cannot be called back. To keep a copy of everything,{' '}
          <a href="/settings/export" download className="font-medium underline underline-offset-2">
            download your data
          </a>{' '}
          first.
        </p>
      </section>
      <section aria-labelledby="confirm-deletion" className="mt-8 max-w-xl border-t border-stone-200 pt-6">
        <h2 id="confirm-deletion" className="text-base font-semibold text-stone-900">
          Confirm
        </h2>
        <DeleteAccountForm email={summary.email} />
        <p className="mt-4 text-sm">
          <Link href="/settings" className="underline underline-offset-2">
            Keep my account and go back to Settings
          </Link>
        </p>
      </section>
    </>
  );
}
