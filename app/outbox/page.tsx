import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listOutbox } from '@/db/queries/outbox';
import { requireOutboxMode } from './outbox-mode';

export const metadata: Metadata = { title: 'Outbox' };
export const dynamic = 'force-dynamic';

export default async function OutboxPage() {
  requireOutboxMode();
  const messages = await listOutbox();
  return (
    <>
      <PageHeader
        title="Local outbox"
        description="No RESEND_API_KEY is set, so mail is kept here instead of being sent. Set one to send real email."
      />
      {messages.length === 0 ? (
        <EmptyState title="No mail yet">
          <p>Sign-in links and letters appear here the moment Afterword “sends” them.</p>
        </EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {messages.map((m) => (
            <li key={m.id}>
              <Link href={`/outbox/${m.id}`} className="block px-4 py-3 hover:bg-stone-50">
                <span className="block font-medium text-stone-900">{m.subject}</span>
                <span className="block text-sm text-stone-600">
                  To {m.to.join(', ')}
                  {m.cc.length > 0 && ` · Cc ${m.cc.join(', ')}`} ·{' '}
                  <time dateTime={m.createdAt.toISOString()}>{m.createdAt.toLocaleString('en-GB', { timeZone: 'UTC' })} UTC</time>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
