import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InterviewForm } from '@/components/interviews/interview-form';
import { PageHeader } from '@/components/ui/page-header';
import { getInterview } from '@/db/queries/interviews';
import { requireUser } from '@/lib/auth/user';
import { instantToWallTime } from '@/lib/time/zoned-time';
import { id } from '@/lib/validation/fields';
import { saveInterview } from '../../actions';
import { interviewFormData } from '../../form-data';
import { DeleteInterview } from './delete-interview';

export const metadata: Metadata = { title: 'Edit interview' };

export default async function EditInterviewPage({ params }: { params: Promise<{ id: string; interviewId: string }> }) {
  const user = await requireUser();
  const { id: applicationId, interviewId } = await params;
  if (!id.safeParse(interviewId).success) notFound();
  const [data, interview] = await Promise.all([
    interviewFormData(user.id, applicationId),
    id.safeParse(applicationId).success ? getInterview(user.id, applicationId, interviewId) : null,
  ]);
  if (!data || !interview) notFound();
  const linkedIds = new Set(data.linked.map((c) => c.id));
  return (
    <>
      <PageHeader title="Edit interview" description={`${data.application.position} at ${data.application.company}.`} />
      <InterviewForm
        action={saveInterview}
        applicationId={applicationId}
        initial={{
          interviewId,
          when: instantToWallTime(interview.scheduledAt, interview.timeZone),
          timeZone: interview.timeZone,
          kind: interview.kind,
          location: interview.location ?? '',
          notes: interview.notes ?? '',
          impression: interview.impression ?? '',
          attendeeIds: interview.people.map((p) => p.id),
          primary: data.primary,
        }}
        linked={data.linked}
        // People who were there but have since been taken off the application.
        initialPicked={interview.people.filter((p) => !linkedIds.has(p.id)).map(({ id: contactId, name, email }) => ({ id: contactId, name, email }))}
        suggestions={data.suggestions}
        zones={data.zones}
        submitLabel="Save changes"
      />
      <section aria-labelledby="delete-interview-heading" className="mt-10 max-w-2xl border-t border-stone-200 pt-6">
        <h2 id="delete-interview-heading" className="mb-3 text-lg font-semibold text-stone-900">
          Delete this interview
        </h2>
        <DeleteInterview applicationId={applicationId} interviewId={interviewId} />
      </section>
    </>
  );
}
