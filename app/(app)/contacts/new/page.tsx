import type { Metadata } from 'next';
import { ContactForm } from '@/components/contacts/contact-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';
import { createContactAction } from '../actions';

export const metadata: Metadata = { title: 'Add a contact' };

export default async function NewContactPage() {
  await requireUser();
  return (
    <>
      <PageHeader
        title="Add a contact"
        description="Someone you met outside an interview: a recruiter who called, a referrer, a person from a meetup."
      />
      <ContactForm action={createContactAction} submitLabel="Add contact" pendingLabel="Adding…" cancelHref="/contacts" />
    </>
  );
}
