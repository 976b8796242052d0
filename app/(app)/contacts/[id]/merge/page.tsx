import type { Metadata } from 'next';
import Link from 'next/link';
import { readSearch, SearchForm } from '@/components/contacts/search-form';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { mergeCandidates } from '@/db/queries/contact-list';
import { requireUser } from '@/lib/auth/user';
import { contactOr404 } from '../../contact-or-404';

export const metadata: Metadata = { title: 'Merge contacts' };

function reasons(candidate: { sameName: boolean; sameDomain: boolean; sharedWord: boolean }) {
  if (candidate.sameName) return 'Same name';
  if (candidate.sameDomain) return 'Same email domain';
  if (candidate.sharedWord) return 'Similar name';
  return null;
}

/** Choosing the duplicate: likely ones first, any other contact findable by the filter. */
export default async function ChooseDuplicatePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const contact = await contactOr404(user.id, id);
  const q = readSearch(query.q);
  const candidates = await mergeCandidates(user.id, contact, { q });

  return (
    <>
      <PageHeader
        title={`Merge ${contact.name} with…`}
        description={`Choose the duplicate. Its application links, interviews and history move to ${contact.name}, and it is deleted. You will see exactly what moves before anything changes.`}
      />
      <SearchForm q={q} label="Filter contacts" submitLabel="Filter" />
      {candidates.length === 0 ? (
        <EmptyState
          title={q ? `No other contacts match “${q}”` : 'No other contacts to merge with'}
          action={<ButtonLink href={`/contacts/${contact.id}`} variant="secondary">Back to {contact.name}</ButtonLink>}
        >
          <p>{q ? 'Try part of their name or email.' : `${contact.name} is your only contact so far.`}</p>
        </EmptyState>
      ) : (
        <ul className="list-rows">
          {candidates.map((candidate) => {
            const reason = reasons(candidate);
            return (
              <li key={candidate.id} className="merge-row">
                <div>
                  <p>
                    {candidate.name}
                    {reason && <mark>{reason}</mark>}
                  </p>
                  <p className="quiet truncate">
                    {[candidate.email, candidate.title, candidate.company].filter(Boolean).join(' · ') || 'No other details'}
                  </p>
                </div>
                <ButtonLink href={`/contacts/${contact.id}/merge/${candidate.id}`} variant="secondary" aria-label={`Choose ${candidate.name}${candidate.email ? ` (${candidate.email})` : ''}`}>
                  Choose
                </ButtonLink>
              </li>
            );
          })}
        </ul>
      )}
      <p className="mt-6 text-sm">
        <Link href={`/contacts/${contact.id}`} className="text-stone-700 underline">
          Cancel, back to {contact.name}
        </Link>
      </p>
    </>
  );
}
