import type { LetterCounts } from '@/db/queries/outcomes/letters';
import { type Period, periodPhrase } from '@/lib/dashboard/period';
import { STATUS_LABELS } from '@/lib/letters/status';
import { plural } from '@/lib/words';
import { type Bar, BarChart } from './charts/bar-chart';
import { formatCount, rateText } from './format';
import type { ShownLetters } from './outcome-cards';
import { OutcomeCard } from './outcome-card';
import { type OccasionLabels, RepliesByOccasion, REPLY_RULE, repliedText } from './outcomes-replies';

/** The figures in the order a letter reaches them, named as on a letter's own status. */
const FIGURES = [
  { key: 'sent', label: STATUS_LABELS.sent.label, short: 'Sent', tone: 'ink' },
  { key: 'delivered', label: STATUS_LABELS.delivered.label, short: 'Delivered', tone: 'good' },
  { key: 'opened', label: STATUS_LABELS.opened.label, short: 'Opened', tone: 'accent' },
  { key: 'clicked', label: STATUS_LABELS.clicked.label, short: 'Clicked', tone: 'accent' },
  { key: 'bounced', label: STATUS_LABELS.bounced.label, short: 'Bounced', tone: 'bad' },
  { key: 'complained', label: STATUS_LABELS.complained.label, short: 'Spam', tone: 'bad' },
] as const satisfies readonly { key: keyof LetterCounts; label: string; short: string; tone: Bar['tone'] }[];

export function LettersOutcomes({
  letters,
  period,
  occasionLabels,
  className,
}: {
  letters: ShownLetters;
  period: Period;
  occasionLabels: OccasionLabels;
  className?: string;
}) {
  const { total, byTemplate } = letters;
  const unsent = total.written - total.sent;
  return (
    <OutcomeCard
      id="outcomes-letters"
      title="Letters"
      description={`Letters written ${periodPhrase(period)}, test letters left out.`}
      className={className}
    >
      {total.written === 0 ? (
        <p className="text-sm text-stone-700">{`No letters ${periodPhrase(period)}. What happens to each letter you send will be counted here.`}</p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <BarChart
            title={`What happened to the ${plural(total.sent, 'letter', 'letters')} sent`}
            max={total.sent}
            bars={FIGURES.map((f) => ({ label: f.label, value: total[f.key], tone: f.tone }))}
          />
          <div className="space-y-4">
            <dl className="outcome-rates">
              <div>
                <dt>Delivered / sent</dt>
                <dd>{rateText(total.delivered, total.sent)}</dd>
              </div>
              <div>
                <dt>Opened / delivered (may be automatic)</dt>
                <dd>{rateText(total.opened, total.delivered)}</dd>
              </div>
              <div>
                <dt>Replied / sent</dt>
                <dd>{repliedText(total)}</dd>
              </div>
            </dl>
            <RepliesByOccasion occasions={letters.byOccasion} labels={occasionLabels} />
            <div className="space-y-1 text-xs text-stone-600">
              <p>
                Each letter counts at the furthest point it reached: an opened letter was also delivered and sent, and one marked as spam
                had been delivered. {STATUS_LABELS.opened.hint}
              </p>
              <p>{REPLY_RULE}</p>
              {total.local > 0 && <p>{`${formatCount(total.local)} of the delivered went to the local outbox and never left this computer.`}</p>}
              {unsent > 0 && <p>{`${formatCount(unsent)} more were not sent: still waiting, failed, suppressed or awaiting your decision.`}</p>}
            </div>
          </div>
          <TemplateTable rows={byTemplate} />
        </div>
      )}
    </OutcomeCard>
  );
}

function TemplateTable({ rows }: { rows: ShownLetters['byTemplate'] }) {
  return (
    // Scrolls sideways on a phone; focusable so a keyboard can scroll it too.
    <div role="region" aria-labelledby="letters-by-template" tabIndex={0} className="outcome-table lg:col-span-2">
      <table>
        <caption id="letters-by-template">By template</caption>
        <thead>
          <tr>
            <th scope="col">Template</th>
            {FIGURES.map((f) => (
              <th key={f.key} scope="col">
                {f.short}
                {f.key === 'opened' && (
                  <>
                    <span aria-hidden="true">*</span>
                    <span className="sr-only"> (may be automatic)</span>
                  </>
                )}
              </th>
            ))}
            <th scope="col">Replied</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.template}>
              <th scope="row">{row.template}</th>
              {FIGURES.map((f) => (
                <td key={f.key}>{formatCount(row[f.key])}</td>
              ))}
              <td>{repliedText(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p aria-hidden="true">* may be automatic.</p>
    </div>
  );
}
