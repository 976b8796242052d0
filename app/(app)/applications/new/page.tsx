import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { companyNames } from '@/db/queries/pipeline';
import { requireUser } from '@/lib/auth/user';
import { NewApplicationForm } from './new-application-form';

export const metadata: Metadata = { title: 'Add an application' };

export default async function NewApplicationPage() {
  const user = await requireUser();
  const companies = await companyNames(user.id);
  return (
    <>
      <PageHeader
        title="Add an application"
        description="A job you mean to apply for, or one you already have. Only the company and position are needed; the rest can wait."
      />
      <NewApplicationForm companies={companies} />
    </>
  );
}
