import type { LetterCounts } from '@/db/queries/outcomes/letters';
import type { LetterKind } from '@/lib/letters/kinds';
import { rateText } from './format';
import type { ShownLetters } from './outcome-cards';

/**
 * "3 of 12, 25%" of the letters that went out; with none sent there is
 * nothing to divide, so it says so instead of showing 0%.
 */
export const repliedText = ({ replied, sent }: Pick<LetterCounts, 'replied' | 'sent'>) => (sent > 0 ? rateText(replied, sent) : 'None sent');

/** What a reply is, in the words the page uses under every reply rate. */
export const REPLY_RULE =
  'A letter counts as replied once someone answered it, however many times they wrote; automatic replies (an out-of-office) and mail you sent yourself are not counted.';

/** Each occasion's name, as its built-in template is called. */
export type OccasionLabels = Record<LetterKind, string>;

/** The reply rate of each occasion, in the order the occasions are offered, those with nothing sent included. */
export function RepliesByOccasion({ occasions, labels }: { occasions: ShownLetters['byOccasion']; labels: OccasionLabels }) {
  return (
    <div>
      <h4 className="text-sm font-semibold text-stone-900">Replied, by occasion</h4>
      <dl className="outcome-occasions">
        {occasions.map((occasion) => (
          <div key={occasion.kind}>
            <dt>{labels[occasion.kind]}</dt>
            <dd>{repliedText(occasion)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
