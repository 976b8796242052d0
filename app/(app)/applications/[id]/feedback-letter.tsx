import { cancelLetterAction, sendLetterAction } from '@/app/(app)/letters/actions';
import { composeHref, recipientsInWords } from '@/components/letters/recipients-in-words';
import type { LinkedContact } from '@/db/queries/application-contacts';
import type { ApplicationLetter } from '@/db/queries/letters-sent';
import type { Occasion } from '@/lib/letters/occasion';
import { LetterSlot } from './letter-slot';

/** After a rejection: one letter to the primary contact asking what would have made the difference. */
export function FeedbackLetter({
  applicationId,
  contacts,
  letters,
}: {
  applicationId: string;
  contacts: LinkedContact[];
  letters: ApplicationLetter[];
}) {
  const primary = contacts.find((c) => c.isPrimary) ?? null;
  const occasion: Occasion = { occasion: 'feedback_request', applicationId };
  return (
    <LetterSlot
      title="Ask for feedback"
      context="after the rejection"
      sent={letters.filter((l) => l.kind === 'feedback_request')}
      send={{
        ...occasion,
        action: sendLetterAction,
        cancelAction: cancelLetterAction,
        label: 'Ask for feedback',
        recipients: primary ? recipientsInWords(primary, [], false) : 'Choose the primary contact first: the letter goes to them.',
        separateByDefault: false,
        manyPeople: false,
        composeHref: composeHref(occasion),
      }}
    />
  );
}
