import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';
import { REPLY_TO_LINK_REFUSED } from '@/lib/settings/reply-to';
import { replyToForLink } from '@/server/settings/confirm-reply-to';
import { ConfirmReplyTo } from './confirm-form';

// The token is in this page's address: it goes to no other site.
export const metadata: Metadata = { title: 'Confirm your reply-to address', referrer: 'no-referrer' };

type Params = { token?: string | string[] };

export default async function ConfirmReplyToPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireUser();
  const { token: raw } = await searchParams;
  const token = typeof raw === 'string' && raw.length <= 200 ? raw : '';
  // Opening the page spends nothing: only the button does.
  const address = token ? await replyToForLink(user.id, token) : null;

  if (!address) {
    return (
      <>
        <PageHeader title="Confirm your reply-to address" />
        <p className="max-w-xl text-stone-700">{REPLY_TO_LINK_REFUSED}</p>
        <p className="mt-2 text-sm text-stone-600">You are signed in as {user.email}.</p>
        <Link href="/settings" className="mt-4 inline-block text-sm underline">
          Go to Settings
        </Link>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Confirm your reply-to address" />
      <p className="max-w-xl text-stone-700">
        Replies to your letters will go to <strong className="break-all">{address}</strong> instead of{' '}
        {user.email}.
      </p>
      <ConfirmReplyTo token={token} />
    </>
  );
}
