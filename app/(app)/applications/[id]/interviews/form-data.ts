import 'server-only';
import type { LinkedPerson } from '@/components/interviews/people-fields';
import { contactsNotOnApplication, linkedContacts } from '@/db/queries/application-contacts';
import { getApplication } from '@/db/queries/applications';
import { timeZoneChoices } from '@/lib/time/zoned-time';
import { id } from '@/lib/validation/fields';

/** What both interview forms (log and edit) start from; null when the application is missing or someone else's. */
export async function interviewFormData(userId: string, applicationId: string) {
  if (!id.safeParse(applicationId).success) return null;
  const [application, linked, suggestions] = await Promise.all([
    getApplication(userId, applicationId),
    linkedContacts(userId, applicationId),
    contactsNotOnApplication(userId, applicationId, '', 8),
  ]);
  if (!application) return null;
  const people: LinkedPerson[] = linked.map(({ id: contactId, name, email, role, isPrimary }) => ({ id: contactId, name, email, role, isPrimary }));
  const primary = linked.find((c) => c.isPrimary);
  return {
    application,
    linked: people,
    suggestions: suggestions.map(({ id: contactId, name, email }) => ({ id: contactId, name, email })),
    primary: primary ? `contact:${primary.id}` : null,
    zones: timeZoneChoices(),
  };
}
