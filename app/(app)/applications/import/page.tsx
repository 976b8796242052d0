import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';
import { ImportForm } from './import-form';

export const metadata: Metadata = { title: 'Import applications' };

export default async function ImportPage() {
  await requireUser();
  return (
    <>
      <PageHeader
        title="Import applications"
        description={
          <>
            Bring your search over from Huntr, Teal or a spreadsheet. Save it as a CSV file; you will see exactly what
            would be imported, and can change which column fills which field, before anything is saved.
          </>
        }
        actions={
          <Link href="/applications" className="text-sm font-medium text-stone-700 underline underline-offset-4 hover:text-stone-900">
            Back to applications
          </Link>
        }
      />
      <ImportForm />
      <section aria-labelledby="columns-help" className="mt-10 max-w-prose text-sm text-stone-700">
        <h2 id="columns-help" className="text-base font-semibold text-stone-900">
          Columns Afterword recognises
        </h2>
        <p className="mt-2">
          Company (or Employer), Position (or Title, Job Title, Role), Stage (or Status, List), Date Applied, Job URL (or
          Link), Location, Source and Notes (or Description, Comments). Company and position are needed; the rest may be
          empty. Without a stage, an application with an applied date starts at Applied, otherwise at Wishlist.
        </p>
      </section>
    </>
  );
}
