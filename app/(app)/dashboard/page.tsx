import type { Metadata } from 'next';
import { WhatIsDue } from '@/components/dashboard/due-section';
import { Outcomes } from '@/components/dashboard/outcomes';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, { period }] = await Promise.all([requireUser(), searchParams]);
  // One moment for every list, so they agree on what "3 days ago" means.
  const now = new Date();
  return (
    <>
      <PageHeader
        title={user.name ? `Good to see you, ${user.name.split(' ')[0]}` : 'Dashboard'}
        description="What is due today, and what came of the letters you sent."
      />
      <WhatIsDue userId={user.id} now={now} />
      {/* What came of it, below what to do now. */}
      <Outcomes userId={user.id} period={period} />
    </>
  );
}
