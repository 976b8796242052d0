import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InterviewForm } from '@/components/interviews/interview-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';
import { saveNewInterview } from '../actions';
import { interviewFormData } from '../form-data';

export const metadata: Metadata = { title: 'Log an interview' };

export default async function NewInterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const applicationId = (await params).id;
  const data = await interviewFormData(user.id, applicationId);
  if (!data) notFound();
  const { application } = data;
  const moves = application.stage === 'wishlist' || application.stage === 'applied';
  return (
    <>
      <PageHeader
        title="Log an interview"
        description={`${application.position} at ${application.company}.${moves ? ' Saving it moves the application to Interviewing.' : ''}`}
      />
      <InterviewForm
        action={saveNewInterview}
        applicationId={applicationId}
        initial={{ when: '', timeZone: null, kind: 'video', location: '', notes: '', impression: '', attendeeIds: [], primary: data.primary }}
        linked={data.linked}
        initialPicked={[]}
        suggestions={data.suggestions}
        zones={data.zones}
        submitLabel="Save interview"
      />
    </>
  );
}
