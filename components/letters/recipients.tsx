import type { LetterRecipientView } from '@/db/queries/letter-list';

/** "Grace Hopper" with the address beside it, or the address alone when there is no name. */
function Recipient({ recipient }: { recipient: LetterRecipientView }) {
  return recipient.name ? (
    <>
      <span className="text-stone-900">{recipient.name}</span>{' '}
      <span className="wrap-anywhere text-stone-600">&lt;{recipient.email}&gt;</span>
    </>
  ) : (
    <span className="wrap-anywhere text-stone-900">{recipient.email}</span>
  );
}

/** A list row's recipients in one line: who it was To, and how many more had a copy. */
export function RecipientsSummary({ recipients }: { recipients: LetterRecipientView[] }) {
  const to = recipients.filter((r) => r.role === 'to');
  const cc = recipients.length - to.length;
  if (recipients.length === 0) return <span className="text-stone-500">No recipients</span>;
  return (
    <span>
      <span className="text-stone-600">To </span>
      {to.map((r, i) => (
        <span key={`${r.email}-${i}`}>
          {i > 0 && ', '}
          <Recipient recipient={r} />
        </span>
      ))}
      {cc > 0 && <span className="text-stone-600"> +{cc} cc</span>}
    </span>
  );
}

/** Every recipient of one role, one per line, for the letter page. */
export function RecipientList({ recipients }: { recipients: LetterRecipientView[] }) {
  return (
    <ul className="space-y-0.5">
      {recipients.map((r, i) => (
        <li key={`${r.email}-${i}`}>
          <Recipient recipient={r} />
        </li>
      ))}
    </ul>
  );
}
