import { type LetterStatus, STATUS_LABELS } from '@/lib/letters/status';

type Tone = (typeof STATUS_LABELS)[LetterStatus]['tone'];

// The `badge` classes in app/globals.css.
const tones: Record<Tone, string> = {
  neutral: 'badge-stone',
  good: 'badge-green',
  warn: 'badge-amber',
  bad: 'badge-red',
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
    <span title={hint} className={`badge ${tones[tone]}`}>
      {label}
    </span>
  );
}

/** A letter sent only to the person's own address, to see how it arrives. */
export function TestBadge() {
  return (
    <span
      title="Sent only to your own address, to see how it arrives."
      className="badge text-sky-900 ring-sky-300"
    >
      Test to myself
    </span>
  );
}
