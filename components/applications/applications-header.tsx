import Link from 'next/link';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

export function AddAndImportLinks() {
  return (
    <>
      <ButtonLink href="/applications/new">Add an application</ButtonLink>
      <ButtonLink href="/applications/import" variant="secondary">
        Import CSV
      </ButtonLink>
    </>
  );
}

/**
 * The header the board and the table share: adding, importing and exporting
 * applications, and the switch between the two views of the same pipeline.
 */
export function ApplicationsHeader({ view, description }: { view: 'board' | 'table'; description: string }) {
  const views = [
    { id: 'board', href: '/applications', label: 'Board' },
    { id: 'table', href: '/applications/table', label: 'Table' },
  ] as const;
  return (
    <>
      <PageHeader
        title="Applications"
        description={description}
        actions={
          <div className="flex flex-wrap gap-2">
            <AddAndImportLinks />
            {/* A download, not a page: a plain link so the router does not prefetch it. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/applications/export" className={buttonClass('secondary')}>
              Export CSV
            </a>
          </div>
        }
      />
      <nav aria-label="Applications view" className="mb-4">
        <ul className="inline-flex rounded-md border border-stone-300 bg-white p-0.5">
          {views.map((v) => (
            <li key={v.id}>
              <Link
                href={v.href}
                aria-current={view === v.id ? 'page' : undefined}
                className={`block rounded px-3 py-1.5 text-sm font-medium ${
                  view === v.id ? 'bg-stone-900 text-white' : 'text-stone-700 hover:bg-stone-100'
                }`}
              >
                {v.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
