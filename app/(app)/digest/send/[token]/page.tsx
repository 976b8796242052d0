import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';
import { viewDigestLink } from '@/server/digest/send-from-digest';
import { SendFromDigest } from './send-form';

// The token is in this page's address: it goes to no other site.
export const metadata: Metadata = { title: 'Send from your digest', referrer: 'no-referrer' };

export default async function DigestSendPage({ params }: { params: Promise<{ token: string }> }) {
  const user = await requireUser();
  const { token } = await params;
  // Opening the page spends nothing and sends nothing: only the button does.
  const view = await viewDigestLink(user.id, decodeURIComponent(token));
  // Used, expired, another person's or made up: all the same, not found.
  if (!view) notFound();

  const count = view.letters.length;
  return (
    <>
      <PageHeader
        title={view.kind === 'decision' ? 'Send this letter again' : count > 1 ? `Send these ${count} letters` : 'Send this letter'}
        description="From your morning digest. Read it through; nothing leaves until you press the button."
      />
      {view.problems.length > 0 ? (
        <div role="alert" className="max-w-xl rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-medium">It cannot be sent yet:</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {view.problems.map((p) => (
              <li key={p.message}>{p.href ? <Link href={p.href} className="underline">{p.message}</Link> : p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ol className="max-w-2xl space-y-6">
        {view.letters.map((letter, i) => (
          <li key={i} className="rounded-md border border-stone-200 bg-white p-4">
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-stone-500">To</dt>
              <dd className="break-words">{letter.to}</dd>
              {letter.cc.length > 0 ? (
                <>
                  <dt className="text-stone-500">Copy</dt>
                  <dd className="break-words">{letter.cc.join(', ')}</dd>
                </>
              ) : null}
              <dt className="text-stone-500">Subject</dt>
              <dd className="break-words font-medium">{letter.subject}</dd>
            </dl>
            <p className="mt-3 whitespace-pre-line break-words text-sm leading-6 text-stone-800">{letter.body}</p>
          </li>
        ))}
      </ol>
      {view.problems.length === 0 ? (
        <SendFromDigest token={decodeURIComponent(token)} label={view.kind === 'decision' ? 'Send it again' : count > 1 ? `Send ${count} letters` : 'Send'} />
      ) : null}
    </>
  );
}
