import { cancelLetterAction, sendLetterAction } from '@/app/(app)/letters/actions';
import { composeHref, recipientsInWords } from '@/components/letters/recipients-in-words';
import type { LinkedContact } from '@/db/queries/application-contacts';
import type { InterviewWithPeople } from '@/db/queries/interviews';
import type { ApplicationLetter } from '@/db/queries/letters-sent';
import type { Occasion } from '@/lib/letters/occasion';
import { interviewKindLabel } from '@/lib/pipeline/labels';
import { formatDateTimeInZone } from '@/lib/time/zoned-time';
import { LetterSlot } from './letter-slot';

/** The thank-you under one interview: to the primary contact, with a copy to everyone else met there. */
export function InterviewLetter({
  applicationId,
  interview,
  contacts,
  letters,
}: {
  applicationId: string;
  interview: InterviewWithPeople;
  contacts: LinkedContact[];
  letters: ApplicationLetter[];
}) {
  const primary = contacts.find((c) => c.isPrimary) ?? null;
  const others = interview.people.filter((p) => p.id !== primary?.id);
  const occasion: Occasion = { occasion: 'interview_thanks', interviewId: interview.id };
  return (
    <LetterSlot
      title="Thank-you letter"
      context={`for the ${interviewKindLabel(interview.kind)} interview of ${formatDateTimeInZone(interview.scheduledAt, interview.timeZone)}`}
      sent={letters.filter((l) => l.kind === 'interview_thanks' && l.interviewId === interview.id)}
      send={{
        ...occasion,
        action: sendLetterAction,
        cancelAction: cancelLetterAction,
        applicationId,
        label: 'Send thank-you',
        recipients: recipientsInWords(primary, others, false),
        separateByDefault: false,
        manyPeople: (primary ? 1 : 0) + others.length > 1,
        composeHref: composeHref(occasion),
      }}
    />
  );
}

/** After a rejection: a thank-you to each person met, which can open a door to another role there. */
export function RejectionLetter({
  applicationId,
  interviews,
  letters,
}: {
  applicationId: string;
  interviews: InterviewWithPeople[];
  letters: ApplicationLetter[];
}) {
  const met = [...new Map(interviews.flatMap((i) => i.people).map((p) => [p.id, p])).values()];
  const occasion: Occasion = { occasion: 'rejection_thanks', applicationId };
  return (
    <LetterSlot
      title="Thank-you after the rejection"
      sent={letters.filter((l) => l.kind === 'rejection_thanks')}
      send={{
        ...occasion,
        action: sendLetterAction,
        cancelAction: cancelLetterAction,
        label: 'Send thank-you letters',
        recipients: recipientsInWords(null, met, true),
        separateByDefault: true,
        manyPeople: met.length > 1,
        composeHref: composeHref(occasion),
      }}
    />
  );
}
