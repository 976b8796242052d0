import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { contactActivity, contactApplications, contactInterviews } from '@/db/queries/contact-page';
import { getContactDetails } from '@/db/queries/contacts';
import { lettersToContact } from '@/db/queries/letter-list';
import { contactAddressFlag } from '@/db/queries/letters-sent';
import { requireUser } from '@/lib/auth/user';
import { id as uuid } from '@/lib/validation/fields';
import { AddressFlag } from './address-flag';
import { ContactDetailsList } from './contact-details-list';
import { ActivitySection, ApplicationsSection, InterviewsSection, LettersSection } from './contact-sections';
import { DeleteContactButton } from './delete-contact-button';

export const metadata: Metadata = { title: 'Contact' };

export default async function ContactPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const [{ id }, { merged }] = await Promise.all([params, searchParams]);
  // Checked before any query: Postgres would reject a malformed uuid with an error, not an empty result.
  if (!uuid.safeParse(id).success) notFound();
  const [contact, applications, interviews, activity, { letters, total: letterCount }, flag] = await Promise.all([
    getContactDetails(user.id, id),
    contactApplications(user.id, id),
    contactInterviews(user.id, id),
    contactActivity(user.id, id),
    lettersToContact(user.id, id, 20),
    contactAddressFlag(user.id, id),
  ]);
  if (!contact) notFound();

  return (
    <>
      <PageHeader
        title={contact.name}
        description={[contact.title, contact.company].filter(Boolean).join(' · ') || undefined}
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href={`/contacts/${contact.id}/edit`} variant="secondary">
              Edit
            </ButtonLink>
            <ButtonLink href={`/contacts/${contact.id}/merge`} variant="secondary">
              Merge with…
            </ButtonLink>
            <DeleteContactButton contact={contact} applications={applications.length} interviews={interviews.length} />
          </div>
        }
      />
      {merged && (
        <p role="status" className="mb-6 rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-900">
          Contacts merged. Everything the duplicate had is now with {contact.name}.
        </p>
      )}
      {flag && contact.email && <AddressFlag contactId={contact.id} email={contact.email} reason={flag.reason} letterId={flag.letterId} editedSince={flag.editedSince} />}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <ContactDetailsList contact={contact} />
        <div className="space-y-8">
          <ApplicationsSection applications={applications} />
          <InterviewsSection interviews={interviews} />
          <LettersSection contactId={contact.id} letters={letters} total={letterCount} />
          <ActivitySection activity={activity} />
        </div>
      </div>
    </>
  );
}
