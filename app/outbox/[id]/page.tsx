import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getOutboxMessage } from '@/db/queries/outbox';
import { LETTER_TAG } from '@/lib/letters/resend-event';
import { requireOutboxMode } from '../outbox-mode';
import { SimulateReply } from './simulate-reply';

export const metadata: Metadata = { title: 'Outbox message' };

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  requireOutboxMode();
  const id = z.uuid().safeParse((await params).id);
  const message = id.success ? await getOutboxMessage(id.data) : null;
  if (!message) notFound();

  const headers: [string, string][] = [
    ['From', message.from],
    ['To', message.to.join(', ')],
    ...(message.cc.length ? [['Cc', message.cc.join(', ')] as [string, string]] : []),
    ...(message.replyTo ? [['Reply-To', message.replyTo] as [string, string]] : []),
    ['Sent', `${message.createdAt.toISOString()}`],
    ['Tags', message.tags.map((t) => `${t.name}=${t.value}`).join(', ')],
  ];

  return (
    <>
      <p className="text-sm">
        <Link href="/outbox" className="underline">
          ← Outbox
        </Link>
      </p>
      <h1 className="mt-3 text-2xl font-semibold tracking-tight text-stone-900">{message.subject}</h1>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {headers.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-stone-700">{label}</dt>
            <dd className="break-all text-stone-900">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-6 text-sm font-semibold text-stone-700">As it will look</h2>
      {/* sandbox="" : no scripts, no same-origin access, no navigation of this page. */}
      <iframe
        title={`Rendered email: ${message.subject}`}
        sandbox=""
        srcDoc={message.html}
        className="mt-2 h-[32rem] w-full rounded-lg border border-stone-200 bg-white"
      />
      <details className="mt-6">
        <summary className="cursor-pointer text-sm font-semibold text-stone-700">Plain-text part</summary>
        <pre className="mt-2 whitespace-pre-wrap rounded-lg border border-stone-200 bg-white p-4 text-sm">{message.text}</pre>
      </details>
      {message.tags.some((tag) => tag.name === LETTER_TAG) && <SimulateReply messageId={message.id} from={message.to[0]} />}
    </>
  );
}
