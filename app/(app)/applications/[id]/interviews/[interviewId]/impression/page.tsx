import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { getApplication } from '@/db/queries/applications';
import { getInterview } from '@/db/queries/interviews';
import { requireUser } from '@/lib/auth/user';
import { formatDateTimeInZone } from '@/lib/time/zoned-time';
import { id } from '@/lib/validation/fields';
import { ImpressionForm } from './impression-form';

export const metadata: Metadata = { title: 'What impressed you most?' };

/** The one question a thank-you cannot do without, alone on a page that takes a minute on a phone. */
export default async function ImpressionPage({ params }: { params: Promise<{ id: string; interviewId: string }> }) {
  const user = await requireUser();
  const { id: applicationId, interviewId } = await params;
  if (!id.safeParse(applicationId).success || !id.safeParse(interviewId).success) notFound();
  const [application, interview] = await Promise.all([
    getApplication(user.id, applicationId),
    getInterview(user.id, applicationId, interviewId),
  ]);
  if (!application || !interview) notFound();
  return (
    <>
      <PageHeader
        title="What impressed you most?"
        description={`Your interview for ${application.position} at ${application.company}, ${formatDateTimeInZone(interview.scheduledAt, interview.timeZone)}. Your answer goes into the thank-you letter.`}
      />
      <ImpressionForm applicationId={applicationId} interviewId={interviewId} />
    </>
  );
}
