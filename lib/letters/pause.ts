/** Resend's daily and monthly sending quotas, as its 429 names them. */
export type Quota = 'daily' | 'monthly';

const QUOTA_ERRORS: Record<string, Quota> = { daily_quota_exceeded: 'daily', monthly_quota_exceeded: 'monthly' };

/** Which quota a 429 says is spent, from Resend's error name; null for the per-second rate limit. */
export function spentQuota(errorName: string | undefined): Quota | null {
  return (errorName && QUOTA_ERRORS[errorName]) || null;
}

/** When a spent quota is whole again: Resend counts by the UTC day and the UTC calendar month. */
export function quotaResumesAt(quota: Quota, now = new Date()): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  return quota === 'daily' ? new Date(Date.UTC(y, m, now.getUTCDate() + 1)) : new Date(Date.UTC(y, m + 1, 1));
}

const PAUSED = 'Sending is paused';

/** What a letter held by a spent quota says, on its page and after the click. */
export function quotaPauseReason(quota: Quota, until: Date): string {
  const when = until.toLocaleString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  return `${PAUSED}: this service has used up its ${quota} allowance of email at Resend. The letter stays queued and goes on its own after ${when} UTC.`;
}

/** What a letter held by the operator's switch says. */
export const OPERATOR_PAUSE_REASON = `${PAUSED} by the operator of this service. The letter stays queued and goes on its own when sending resumes.`;

/** Whether a letter's last error is one of the pauses above rather than a failed attempt. */
export function isPauseReason(reason: string | null | undefined): boolean {
  return Boolean(reason?.startsWith(PAUSED));
}
