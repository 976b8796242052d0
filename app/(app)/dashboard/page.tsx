import type { Metadata } from 'next';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requireUser();
  return (
    <>
      <PageHeader
        title={user.name ? `Good to see you, ${user.name.split(' ')[0]}` : 'Dashboard'}
        description="What is due today, and what came of the letters you sent."
      />
      <EmptyState
        title="Nothing is due yet"
        action={<ButtonLink href="/settings">Set up your name and signature</ButtonLink>}
      >
        <p>
          Thank-you letters owed after interviews, follow-ups and letter outcomes will show here once
          applications and interviews can be added. Start by telling Afterword how to sign your letters.
        </p>
      </EmptyState>
    </>
  );
}
