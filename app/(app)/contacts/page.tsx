import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';

export const metadata: Metadata = { title: 'Contacts' };

export default async function ContactsPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Contacts" description="The people you met: your network, across every application." />
      <EmptyState title="No contacts yet">
        <p>
          Contacts are not built yet. When they are, everyone you meet at an interview will be kept here,
          even after the application ends.
        </p>
      </EmptyState>
    </>
  );
}
