import { DAY_MS } from '@/lib/time/days';

/**
 * How long an application has sat in its stage, in words a glance can take
 * in ("3 days in stage"). `now` comes from the server's render so the server
 * and browser print the same text.
 */
export function stageAge(since: Date, now: Date): string {
  const days = Math.floor((now.getTime() - since.getTime()) / DAY_MS);
  if (days < 1) return 'Moved today';
  if (days < 14) return `${days} ${days === 1 ? 'day' : 'days'} in stage`;
  if (days < 60) return `${Math.floor(days / 7)} weeks in stage`;
  const months = Math.floor(days / 30);
  if (months < 24) return `${months} months in stage`;
  return `${Math.floor(days / 365)} years in stage`;
}
