import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Activity } from '@/db/schema';
import { type ContactRole, contactRoleLabel, type InterviewKind, interviewKindLabel } from '@/lib/pipeline/labels';
import { type ApplicationStage, stageLabel } from '@/lib/pipeline/stages';
import { formatDateTimeInZone } from '@/lib/time/zoned-time';

type Detail = Activity['detail'];

/** A detail value as text; details are short facts written by the app, but old rows may lack a key. */
const text = (detail: Detail, key: string): string | null => {
  const value = detail[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
};

function person(activity: Pick<Activity, 'contactId' | 'detail'>): ReactNode {
  const name = text(activity.detail, 'name') ?? 'A contact';
  return activity.contactId ? (
    <Link href={`/contacts/${activity.contactId}`} className="underline">
      {name}
    </Link>
  ) : (
    name
  );
}

/** A line about a letter, linking to the letter while it is known. */
function letterLine(detail: Detail, words: string): ReactNode {
  const letterId = text(detail, 'letterId');
  return letterId ? (
    <Link href={`/letters/${letterId}`} className="underline">
      {words}
    </Link>
  ) : (
    words
  );
}

function interviewSummary(detail: Detail): string {
  const kind = text(detail, 'kind');
  const at = text(detail, 'scheduledAt');
  const label = kind ? interviewKindLabel(kind as InterviewKind) : 'Interview';
  const when = at && !Number.isNaN(Date.parse(at)) ? `, ${formatDateTimeInZone(new Date(at), text(detail, 'timeZone') ?? 'UTC')}` : '';
  const people = Number(detail.people ?? 0);
  return `${label}${when}${people > 0 ? `, with ${people} ${people === 1 ? 'person' : 'people'}` : ''}`;
}

/**
 * One line of an application's timeline, in words. Everything is rendered as
 * text (React escapes it): details hold what people typed, never markup.
 */
export function TimelineText({ activity }: { activity: Pick<Activity, 'kind' | 'contactId' | 'detail'> }): ReactNode {
  const { detail } = activity;
  switch (activity.kind) {
    case 'application_created': {
      const stage = text(detail, 'stage');
      return `Added ${text(detail, 'position') ?? 'the application'}${stage ? ` as ${stageLabel(stage as ApplicationStage)}` : ''}`;
    }
    case 'application_updated':
      return 'Edited the details';
    case 'stage_changed': {
      const from = text(detail, 'from');
      const to = text(detail, 'to');
      return `${from ? stageLabel(from as ApplicationStage) : 'New'} → ${to ? stageLabel(to as ApplicationStage) : 'another stage'}`;
    }
    case 'interview_logged':
      return `Interview logged: ${interviewSummary(detail)}`;
    case 'interview_updated':
      return `Interview updated: ${interviewSummary(detail)}`;
    case 'contact_added':
      return <>{person(activity)} added to your contacts</>;
    case 'contact_linked': {
      const role = text(detail, 'role');
      return (
        <>
          {person(activity)} added{role ? ` as ${contactRoleLabel(role as ContactRole).toLowerCase()}` : ''}
          {detail.primary === true ? ', the primary contact' : ''}
        </>
      );
    }
    case 'contact_unlinked':
      return <>{person(activity)} taken off this application (still in your contacts)</>;
    case 'contacts_merged':
      return 'Merged two duplicate contacts';
    case 'letter_sent': {
      const subject = text(detail, 'subject');
      const to = text(detail, 'to');
      const cc = Number(detail.cc ?? 0);
      return letterLine(detail, `Letter sent${subject ? `: “${subject}”` : ''}${to ? ` to ${to}` : ''}${cc > 0 ? `, with a copy to ${cc} more` : ''}`);
    }
    case 'letter_cancelled': {
      const subject = text(detail, 'subject');
      return letterLine(detail, `Letter cancelled before it left${subject ? `: “${subject}”` : ''}`);
    }
    case 'reply_received':
      return letterLine(detail, `${text(detail, 'from') ?? 'Someone'} replied to a letter`);
    default:
      return 'Something changed';
  }
}
