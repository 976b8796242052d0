/**
 * Where a letter is. `scheduled` waits for its time (an undo window, a time
 * the person chose, an automatic follow-up) and can still be stopped
 * (`cancelled`); a sender's claim turns it `queued`, which covers handing
 * over and retrying. The rest come from Resend's answer and its webhooks,
 * and only ever move forward.
 * `needs_decision` is a letter that could not be sent within 23 hours, after
 * which Resend may have forgotten its idempotency key.
 */
export const LETTER_STATUSES = [
  // These two first, in this order: the queue's indexes find them as "<= 'queued'" (db/schema.ts).
  'scheduled',
  'queued',
  'sent',
  'delivery_delayed',
  'delivered',
  'opened',
  'clicked',
  'bounced',
  'complained',
  'failed',
  'suppressed',
  'needs_decision',
  'cancelled',
] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/**
 * A letter's status only moves forward, whatever order Resend's webhooks
 * arrive in: a late "delivered" never undoes "opened", and bounced,
 * complained, failed and suppressed are final.
 */
const RANK: Record<LetterStatus, number> = {
  scheduled: 0,
  queued: 0,
  needs_decision: 0,
  sent: 1,
  delivery_delayed: 2,
  delivered: 3,
  opened: 4,
  clicked: 5,
  bounced: 9,
  complained: 9,
  failed: 9,
  suppressed: 9,
  cancelled: 9,
};

export const FINAL_STATUSES = ['bounced', 'complained', 'failed', 'suppressed', 'cancelled'] as const satisfies LetterStatus[];

export function isFinal(status: LetterStatus): boolean {
  return (FINAL_STATUSES as readonly LetterStatus[]).includes(status);
}

/** The status after `next` is reported for a letter that is `current`. */
export function advanceStatus(current: LetterStatus, next: LetterStatus): LetterStatus {
  if (isFinal(current)) return current;
  return RANK[next] > RANK[current] ? next : current;
}

/** Resend's webhook event types, and the status each reports. Any other type changes nothing. */
export const EVENT_STATUS: Record<string, LetterStatus> = {
  'email.sent': 'sent',
  'email.delivery_delayed': 'delivery_delayed',
  'email.delivered': 'delivered',
  'email.opened': 'opened',
  'email.clicked': 'clicked',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
  'email.failed': 'failed',
  'email.suppressed': 'suppressed',
};

export function statusForEvent(type: string): LetterStatus | null {
  return Object.prototype.hasOwnProperty.call(EVENT_STATUS, type) ? EVENT_STATUS[type] : null;
}

/** Statuses that mean the person's address book needs fixing before writing again. */
export const FLAGGING_STATUSES = ['bounced', 'complained', 'suppressed'] as const satisfies LetterStatus[];

export function isFlagging(status: LetterStatus): boolean {
  return (FLAGGING_STATUSES as readonly LetterStatus[]).includes(status);
}

export const STATUS_LABELS: Record<LetterStatus, { label: string; hint: string; tone: 'neutral' | 'good' | 'warn' | 'bad' }> = {
  scheduled: {
    label: 'Scheduled',
    hint: 'It waits for its time, and can be stopped or changed until then.',
    tone: 'neutral',
  },
  queued: { label: 'Queued', hint: 'Waiting to be handed to Resend; retried automatically if Resend is busy.', tone: 'neutral' },
  sent: { label: 'Sent', hint: 'Resend accepted it.', tone: 'neutral' },
  delivery_delayed: { label: 'Delayed', hint: 'The receiving server asked Resend to try again later.', tone: 'warn' },
  delivered: { label: 'Delivered', hint: 'The receiving server accepted it.', tone: 'good' },
  opened: {
    label: 'Opened (may be automatic)',
    hint: 'The tracking image was fetched. Mail scanners do this too, so it may not have been a person.',
    tone: 'good',
  },
  clicked: { label: 'Link clicked', hint: 'A link in the letter was followed.', tone: 'good' },
  bounced: { label: 'Bounced', hint: 'The address refused it. Fix the address before writing again.', tone: 'bad' },
  complained: { label: 'Marked as spam', hint: 'The recipient reported it as spam. Afterword will not write to them again.', tone: 'bad' },
  failed: { label: 'Failed', hint: 'Resend refused it; the reason is shown on the letter.', tone: 'bad' },
  suppressed: { label: 'Suppressed', hint: 'Resend did not send it because this address bounced or complained before.', tone: 'bad' },
  needs_decision: {
    label: 'Needs your decision',
    hint: 'It could not be sent within 23 hours. Send it again or discard it.',
    tone: 'warn',
  },
  cancelled: { label: 'Cancelled', hint: 'Stopped before it left. Nothing reached Resend.', tone: 'neutral' },
};
