import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { getApplication } from '@/db/queries/applications';
import { requireUser } from '@/lib/auth/user';
import { id } from '@/lib/validation/fields';
import { ApplicationForm } from './application-form';

export const metadata: Metadata = { title: 'Edit application' };

export default async function EditApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const applicationId = (await params).id;
  const application = id.safeParse(applicationId).success ? await getApplication(user.id, applicationId) : null;
  if (!application) notFound();
  return (
    <>
      <PageHeader
        title="Edit application"
        description={`${application.position} at ${application.company}. The stage is changed on the application’s page.`}
      />
      <ApplicationForm
        applicationId={applicationId}
        stored={{
          company: application.company,
          position: application.position,
          jobUrl: application.jobUrl ?? '',
          location: application.location ?? '',
          source: application.source ?? '',
          appliedOn: application.appliedOn ?? '',
          notes: application.notes ?? '',
        }}
      />
    </>
  );
}
