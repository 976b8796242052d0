import { stageLabel } from '@/lib/pipeline/stages';
import { isValidTimeZone } from '@/lib/time/zoned-time';
import type { FollowUpMode, FollowUpPlanKind, PlanSettings } from './plans';
import type { PlanState, StopReason } from './rules';

/** Each plan in the words of the person who uses it. */
export const PLAN_WORDS: Record<FollowUpPlanKind, { title: string; what: string; starts: string }> = {
  after_applying: {
    title: 'Follow-up after applying',
    what: 'When nobody has answered some days after you applied: a short letter to the application’s primary contact.',
    starts: 'Starts when you apply.',
  },
  after_thanks: {
    title: 'Check-in after the thank-you',
    what: 'When there is no news some days after your interview thank-you went: a check-in to the person you thanked.',
    starts: 'Starts when an interview thank-you goes.',
  },
  after_rejection: {
    title: 'Keeping in touch after a rejection',
    what: 'After a rejection, a friendly note every few months, so they remember you when another role opens.',
    starts: 'Starts if the application is rejected.',
  },
};

export const MODE_WORDS: Record<FollowUpMode, { label: string; what: string }> = {
  ask: {
    label: 'Ask',
    what: 'Afterword writes it and puts it on your dashboard when it is due. Nothing leaves until you press Send.',
  },
  automatic: {
    label: 'Automatic',
    what: 'Afterword writes it and sends it at a good hour on a weekday, unless you stop it. You can see and stop it on Letters.',
  },
  off: { label: 'Off', what: 'No letters and no reminders from this plan.' },
};

/** "Tue 12 May", in the person's own time zone. */
export function dayInWords(at: Date, zone: string) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: isValidTimeZone(zone) ? zone : 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(at);
}

/** "Tue 12 May, 09:00", in the person's own time zone. */
export function dayAndTimeInWords(at: Date, zone: string) {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: isValidTimeZone(zone) ? zone : 'UTC',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  return `${dayInWords(at, zone)}, ${time}`;
}

function stopInWords(reason: StopReason, zone: string) {
  switch (reason.why) {
    case 'stopped':
      return `stopped by you on ${dayInWords(reason.at, zone)}`;
    case 'stage':
      return `stopped: moved to ${stageLabel(reason.stage)}`;
    case 'replied':
      return `stopped: they replied (${dayInWords(reason.at, zone)})`;
    case 'interview':
      return 'stopped: a later interview';
    case 'bounced':
      return 'stopped: their address bounced';
    case 'archived':
      return 'stopped: archived';
  }
}

/**
 * One plan's state on one application, in a line: "due Tue 12 May · Ask",
 * "stopped: moved to Interviewing", "sent 3 May".
 */
export function planStateInWords(
  plan: FollowUpPlanKind,
  settings: PlanSettings,
  state: PlanState,
  options: { now: Date; zone: string },
): string {
  const { now, zone } = options;
  const mode = MODE_WORDS[settings.mode].label;
  const step = (n: number) => (settings.maxLetters > 1 ? ` (letter ${n} of ${settings.maxLetters})` : '');
  switch (state.state) {
    case 'off':
      return 'off';
    case 'not_started':
      return PLAN_WORDS[plan].starts.replace(/\.$/, '').toLowerCase();
    case 'stopped':
      return stopInWords(state.reason, zone);
    case 'no_contact':
      return `waiting for a primary contact to write to${step(state.step)} · ${mode}`;
    case 'finished':
      if (state.lastAt > now) return `goes out ${dayAndTimeInWords(state.lastAt, zone)} unless you stop it (on Letters)`;
      return state.letters === 1 ? `sent ${dayInWords(state.lastAt, zone)}` : `done: ${state.letters} letters, the last ${dayInWords(state.lastAt, zone)}`;
    case 'lapsed':
      return `not sent: it was due ${dayInWords(state.dueAt, zone)}, too long ago now`;
    case 'next':
      if (state.dueAt <= now) return `due now${step(state.step)} · ${mode}`;
      return `due ${dayInWords(state.dueAt, zone)}${step(state.step)} · ${mode}`;
  }
}
