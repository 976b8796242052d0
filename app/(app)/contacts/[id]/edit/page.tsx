import type { Metadata } from 'next';
import { ContactForm } from '@/components/contacts/contact-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';
import { updateContactAction } from '../../actions';
import { contactOr404 } from '../../contact-or-404';

export const metadata: Metadata = { title: 'Edit contact' };

export default async function EditContactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const contact = await contactOr404(user.id, id);
  return (
    <>
      <PageHeader title={`Edit ${contact.name}`} />
      <ContactForm
        action={updateContactAction}
        contact={contact}
        submitLabel="Save contact"
        pendingLabel="Saving…"
        cancelHref={`/contacts/${contact.id}`}
      />
    </>
  );
}
