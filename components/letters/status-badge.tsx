import { type LetterStatus, STATUS_LABELS } from '@/lib/letters/status';

type Tone = (typeof STATUS_LABELS)[LetterStatus]['tone'];

const tones: Record<Tone, string> = {
  neutral: 'bg-stone-100 text-stone-800 ring-stone-300',
  good: 'bg-green-50 text-green-900 ring-green-300',
  warn: 'bg-amber-50 text-amber-900 ring-amber-300',
  bad: 'bg-red-50 text-red-900 ring-red-300',
};

/**
 * In local-outbox mode a letter is "delivered" to a table on this machine;
 * calling that plain "Delivered" would tell the person someone has it.
 */
const DELIVERED_LOCALLY = {
  label: 'Delivered locally (not really sent)',
  hint: 'Afterword is in local-outbox mode, so nothing left this machine: the letter is in the local outbox, not in anyone’s inbox.',
  tone: 'neutral',
} as const;

export function letterStatusText(status: LetterStatus, deliveredLocally = false) {
  return deliveredLocally ? DELIVERED_LOCALLY : STATUS_LABELS[status];
}

/**
 * A letter's status as a small label. The words carry the meaning (colour only
 * helps); the hint is in the title for a pointer, and the letter page prints it.
 */
export function StatusBadge({
  status,
  deliveredLocally = false,
  hint: ownHint,
}: {
  status: LetterStatus;
  deliveredLocally?: boolean;
  /** This letter's own story, where the status's usual hint would mislead (a held letter, a discarded one). */
  hint?: string;
}) {
  const { label, hint: usual, tone } = letterStatusText(status, deliveredLocally);
  const hint = ownHint ?? usual;
  return (
    <span title={hint} className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>
      {label}
    </span>
  );
}

/** A letter sent only to the person's own address, to see how it arrives. */
export function TestBadge() {
  return (
    <span
      title="Sent only to your own address, to see how it arrives."
      className="inline-flex rounded-full px-2 py-0.5 text-xs font-medium text-sky-900 ring-1 ring-inset ring-sky-300"
    >
      Test to myself
    </span>
  );
}
