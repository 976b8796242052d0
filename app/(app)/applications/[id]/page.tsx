import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ApplicationTimeline } from '@/app/(app)/applications/[id]/timeline/application-timeline';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { applicationTimeline } from '@/db/queries/activity';
import { repliesOnApplication } from '@/db/queries/replies';
import { linkedContacts } from '@/db/queries/application-contacts';
import { getApplication } from '@/db/queries/applications';
import { applicationInterviews } from '@/db/queries/interviews';
import { applicationLetters } from '@/db/queries/letters-sent';
import { requireUser } from '@/lib/auth/user';
import { id } from '@/lib/validation/fields';
import { correctStageDate } from './actions';
import { ApplicationDetails } from './application-details';
import { FeedbackLetter } from './feedback-letter';
import { FollowUpPlans, loadFollowUpPlans } from './follow-up-plans';
import { InterviewList } from './interview-list';
import { InterviewLetter, RejectionLetter } from './letters';
import { LinkedContacts } from './linked-contacts';
import { ManageApplication } from './manage-application';
import { StageForm } from './stage-form';

type Props = { params: Promise<{ id: string }> };

// Shared by the title and the page within one request.
const loadApplication = cache(async (applicationId: string) => {
  const user = await requireUser();
  // A malformed id is a missing page, not a database error.
  return id.safeParse(applicationId).success ? getApplication(user.id, applicationId) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const application = await loadApplication((await params).id);
  return { title: application ? `${application.position} at ${application.company}` : 'Application not found' };
}

export default async function ApplicationPage({ params }: Props) {
  const user = await requireUser();
  const applicationId = (await params).id;
  if (!id.safeParse(applicationId).success) notFound();
  const [application, contacts, interviews, timeline, letters, plans, replies] = await Promise.all([
    loadApplication(applicationId),
    linkedContacts(user.id, applicationId),
    applicationInterviews(user.id, applicationId),
    applicationTimeline(user.id, applicationId),
    applicationLetters(user.id, applicationId),
    loadFollowUpPlans(user.id, applicationId),
    repliesOnApplication(user.id, applicationId),
  ]);
  if (!application) notFound();
  const logHref = `/applications/${applicationId}/interviews/new`;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/applications" className="text-stone-600 underline">
          ← Applications
        </Link>
      </p>
      <header className="mb-6 flex flex-col gap-4 border-b border-stone-200 pb-6 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="text-sm font-semibold uppercase tracking-wide text-accent">{application.company}</p>
          <h1 className="break-words text-2xl font-semibold tracking-tight text-stone-900">{application.position}</h1>
          {application.archived && (
            <p className="mt-1 inline-block rounded-full bg-stone-200 px-2 py-0.5 text-xs font-semibold text-stone-800">
              Archived: hidden from the board
            </p>
          )}
          <div className="mt-3">
            <StageForm applicationId={applicationId} stage={application.stage} />
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <ButtonLink href={logHref}>Log an interview</ButtonLink>
          <ButtonLink variant="secondary" href={`/applications/${applicationId}/edit`}>
            Edit details
          </ButtonLink>
        </div>
      </header>

      {/* On a phone the people come before the long timeline; on a desktop they sit beside both. */}
      <div className="grid gap-8 lg:grid-cols-3 lg:grid-rows-[auto_1fr]">
        <section id="interviews" aria-labelledby="interviews-heading" className="scroll-mt-4 lg:col-span-2">
          <h2 id="interviews-heading" className="mb-3 text-lg font-semibold text-stone-900">
            Interviews
          </h2>
          {interviews.length === 0 ? (
            <EmptyState title="No interviews logged yet" action={<ButtonLink href={logHref}>Log an interview</ButtonLink>}>
              <p>
                After each interview, note when it was, who you met and what impressed you most: that is what your
                thank-you letter is made of.
              </p>
            </EmptyState>
          ) : (
            <>
              {application.stage === 'rejected' && (
                <RejectionLetter applicationId={applicationId} interviews={interviews} letters={letters} />
              )}
              {application.stage === 'rejected' && <FeedbackLetter applicationId={applicationId} contacts={contacts} letters={letters} />}
              <InterviewList
                applicationId={applicationId}
                interviews={interviews}
                letterFor={(interview) => (
                  <InterviewLetter applicationId={applicationId} interview={interview} contacts={contacts} letters={letters} />
                )}
              />
            </>
          )}
        </section>
        <aside className="space-y-8 lg:col-start-3 lg:row-span-2 lg:row-start-1" aria-label="About this application">
          <section aria-labelledby="details-heading">
            <h2 id="details-heading" className="mb-3 text-lg font-semibold text-stone-900">
              Details
            </h2>
            <ApplicationDetails application={application} />
          </section>
          <section id="contacts" aria-labelledby="contacts-heading" className="scroll-mt-4">
            <h2 id="contacts-heading" className="mb-3 text-lg font-semibold text-stone-900">
              Contacts
            </h2>
            <LinkedContacts applicationId={applicationId} contacts={contacts} />
          </section>
          <FollowUpPlans applicationId={applicationId} plans={plans} />
          <section aria-labelledby="manage-heading">
            <h2 id="manage-heading" className="mb-3 text-lg font-semibold text-stone-900">
              Archive or delete
            </h2>
            <ManageApplication
              applicationId={applicationId}
              archived={application.archived}
              interviewCount={interviews.length}
              contactCount={contacts.length}
            />
          </section>
        </aside>
        <section aria-labelledby="timeline-heading" className="lg:col-span-2 lg:row-start-2">
          <h2 id="timeline-heading" className="mb-3 text-lg font-semibold text-stone-900">
            Timeline
          </h2>
          <ApplicationTimeline applicationId={applicationId} activities={timeline} replies={replies} correctStageDate={correctStageDate} />
        </section>
      </div>
    </>
  );
}
