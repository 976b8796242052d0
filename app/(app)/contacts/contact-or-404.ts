import 'server-only';
import { notFound } from 'next/navigation';
import { getContactDetails } from '@/db/queries/contacts';
import { id as uuid } from '@/lib/validation/fields';

/** The contact for a page under /contacts/<id>; a malformed, missing or someone else's id is a 404 alike. */
export async function contactOr404(userId: string, id: string) {
  const contact = uuid.safeParse(id).success ? await getContactDetails(userId, id) : null;
  if (!contact) notFound();
  return contact;
}
