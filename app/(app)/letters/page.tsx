import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';

export const metadata: Metadata = { title: 'Letters' };

export default async function LettersPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Letters" description="Every thank-you and follow-up you send, and what came of it." />
      <EmptyState title="No letters yet">
        <p>
          Letters are not built yet. Sending them will come after applications and interviews. 68% of
          recruiters and hiring managers say a thank-you note affects their decision (TopResume survey of
          358, 2017).
        </p>
      </EmptyState>
    </>
  );
}
