import type { ContactActivity } from '@/db/queries/contact-page';

/** One event in a contact's history, in words. The detail is display-ready text written by whoever recorded it. */
export function activityText(event: ContactActivity): string {
  const detail = event.detail;
  const text = (key: string) => (typeof detail[key] === 'string' ? (detail[key] as string) : null);
  const application = event.company ? `${event.company} — ${event.position}` : null;
  switch (event.kind) {
    case 'contact_added':
      return 'Added to your contacts';
    case 'contacts_merged': {
      const email = text('mergedEmail');
      return `Merged with ${text('mergedName') ?? 'a duplicate contact'}${email ? ` (${email})` : ''}`;
    }
    case 'contact_linked':
      return application ? `Linked to ${application}` : 'Linked to an application';
    case 'contact_unlinked':
      return application ? `Unlinked from ${application}` : 'Unlinked from an application';
    case 'interview_logged':
      return application ? `Interview logged for ${application}` : 'Interview logged';
    case 'interview_updated':
      return application ? `Interview updated for ${application}` : 'Interview updated';
    case 'letter_sent': {
      const subject = text('subject');
      return subject ? `Letter sent: “${subject}”` : 'Letter sent';
    }
    case 'letter_cancelled': {
      const subject = text('subject');
      return subject ? `Letter cancelled before it left: “${subject}”` : 'Letter cancelled before it left';
    }
    default:
      return application ? `${event.kind.replace(/_/g, ' ')} — ${application}` : event.kind.replace(/_/g, ' ');
  }
}
