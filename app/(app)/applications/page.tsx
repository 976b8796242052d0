import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';

export const metadata: Metadata = { title: 'Applications' };

export default async function ApplicationsPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Applications" description="Your pipeline, from wishlist to offer." />
      <EmptyState title="No applications yet">
        <p>
          The pipeline board is not built yet. When it is, each application you are considering or have
          sent will sit here, with its interviews and the people you met.
        </p>
      </EmptyState>
    </>
  );
}
