import Link from 'next/link';
import type { Metadata } from 'next';
import { readSearch, SearchForm } from '@/components/contacts/search-form';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { CONTACTS_PER_PAGE, listContacts } from '@/db/queries/contact-list';
import { requireUser } from '@/lib/auth/user';
import { plural } from '@/lib/words';
import { ContactRows } from './contact-rows';
import { Pagination } from './pagination';

export const metadata: Metadata = { title: 'Contacts' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Any page number that is not a sensible whole number means the first page. */
function readPage(value: string | string[] | undefined): number {
  const page = Number.parseInt((Array.isArray(value) ? value[0] : value) ?? '', 10);
  return Number.isSafeInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1;
}

export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const q = readSearch(params.q);
  const { rows, total, page, pages } = await listContacts(user.id, { q, page: readPage(params.page) });
  const header = (withAction: boolean) => (
    <PageHeader
      title="Contacts"
      description="The people you met: your network, across every application."
      actions={withAction ? <ButtonLink href="/contacts/new">Add a contact</ButtonLink> : undefined}
    />
  );

  if (total === 0 && !q) {
    return (
      <>
        {header(false)}
        <EmptyState title="No contacts yet" action={<ButtonLink href="/contacts/new">Add a contact</ButtonLink>}>
          <p>
            When you log an interview, the people who were there are kept here, with their email, so a thank-you
            letter can reach them. They stay after the application ends: they are your network. You can also add
            someone you met another way.
          </p>
        </EmptyState>
      </>
    );
  }

  const first = (page - 1) * CONTACTS_PER_PAGE + 1;
  return (
    <>
      {header(true)}
      <SearchForm q={q} label="Search contacts" submitLabel="Search" action="/contacts" />
      {rows.length > 0 ? (
        <>
          <p className="mb-3 text-sm text-stone-600">
            {first.toLocaleString('en-US')}–{(first + rows.length - 1).toLocaleString('en-US')} of{' '}
            {plural(total, 'contact', 'contacts')}
            {q && ` matching “${q}”`}
          </p>
          <ContactRows rows={rows} />
          <Pagination page={page} pages={pages} q={q} />
        </>
      ) : total > 0 ? (
        <EmptyState
          title="This page is past the end"
          action={
            <ButtonLink href={q ? `/contacts?q=${encodeURIComponent(q)}` : '/contacts'} variant="secondary">
              Go to the first page
            </ButtonLink>
          }
        >
          <p>There are {plural(total, 'matching contact', 'matching contacts')}, on {plural(pages, 'page', 'pages')}.</p>
        </EmptyState>
      ) : (
        <EmptyState
          title={`No contacts match “${q}”`}
          action={<ButtonLink href="/contacts" variant="secondary">Show all contacts</ButtonLink>}
        >
          <p>
            The search looks in names, emails, titles and companies. Try part of a name, or{' '}
            <Link href="/contacts/new" className="font-medium text-stone-900 underline">
              add them as a contact
            </Link>
            .
          </p>
        </EmptyState>
      )}
    </>
  );
}
