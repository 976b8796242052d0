import 'server-only';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { recordActivity } from '@/db/queries/activity';
import { applicationLinks } from '@/db/queries/application-contacts';
import { changeStage, lockApplication } from '@/db/queries/applications';
import { settlePlanLetters } from '@/server/follow-ups/settle-plan-letters';
import { contactNames, findOrCreateContact, linkContact } from '@/db/queries/contacts';
import { insertInterview, setAttendees, updateInterviewFields } from '@/db/queries/interviews';
import { UserError } from '@/lib/errors';
import type { InterviewInput } from '@/lib/pipeline/interview-input';
import { stageAfterInterview } from '@/lib/pipeline/stages';
import { withPrimaryGuard } from '@/server/contacts/link-contacts';

/** Refused because people were there but nobody is, or becomes, the primary contact. */
export class PrimaryRequiredError extends UserError {
  constructor() {
    super('Choose who the thank-you letter goes to: mark one person as the primary contact.');
  }
}

const unique = <T>(items: T[]) => [...new Set(items)];

/**
 * Writes who was at an interview and puts them on the application: new
 * people become contacts (or reuse one with the same email), anyone not yet
 * on the application is linked as an interviewer, and the primary is set.
 */
async function saveInterviewPeople(tx: Executor, userId: string, applicationId: string, interviewId: string, input: InterviewInput) {
  const chosenPrimary = input.primary && 'contactId' in input.primary ? input.primary.contactId : null;
  const existingIds = unique([...input.attendeeIds, ...(chosenPrimary ? [chosenPrimary] : [])]);
  const existing = await contactNames(tx, userId, existingIds);
  if (existing.length !== existingIds.length) {
    throw new UserError('Someone you picked is no longer in your contacts. Reload the page and choose again.');
  }
  const names = new Map(existing.map((c) => [c.id, c.name]));
  const newIds: string[] = [];
  for (const person of input.newPeople) {
    const { contact } = await findOrCreateContact(tx, userId, { ...person, title: null, phone: null, linkedinUrl: null, notes: null });
    names.set(contact.id, contact.name);
    newIds.push(contact.id);
  }
  const attendeeIds = unique([...input.attendeeIds, ...newIds]);
  const primaryId = chosenPrimary ?? (input.primary && 'newPerson' in input.primary ? newIds[input.primary.newPerson] : null);

  await setAttendees(tx, userId, interviewId, attendeeIds);

  const links = await applicationLinks(tx, userId, applicationId);
  const linked = new Map(links.map((l) => [l.contactId, l]));
  if (!primaryId && attendeeIds.length > 0 && !links.some((l) => l.isPrimary)) throw new PrimaryRequiredError();

  for (const contactId of unique([...attendeeIds, ...(primaryId ? [primaryId] : [])])) {
    const link = linked.get(contactId);
    const makePrimary = contactId === primaryId && !link?.isPrimary;
    if (link && !makePrimary) continue;
    await linkContact(tx, userId, { applicationId, contactId, role: link?.role ?? 'interviewer', isPrimary: makePrimary || Boolean(link?.isPrimary) });
    if (!link) {
      await recordActivity(tx, userId, {
        kind: 'contact_linked',
        applicationId,
        contactId,
        detail: { name: names.get(contactId) ?? null, role: 'interviewer', primary: makePrimary },
      });
    }
  }
  return attendeeIds.length;
}

/**
 * A person logs an interview, in one transaction: the interview, who was
 * there, their links and the primary contact, the timeline entry, and the
 * move to interviewing for an application that had not got that far. Null
 * when the application is missing or someone else's.
 */
export async function logInterview(userId: string, applicationId: string, input: InterviewInput) {
  return withPrimaryGuard(() =>
    db.transaction(async (tx) => {
      const application = await lockApplication(tx, userId, applicationId);
      if (!application) return null;
      const interviewId = await insertInterview(tx, userId, applicationId, input);
      const people = await saveInterviewPeople(tx, userId, applicationId, interviewId, input);
      const loggedAt = new Date();
      await recordActivity(tx, userId, {
        kind: 'interview_logged',
        applicationId,
        interviewId,
        detail: { kind: input.kind, scheduledAt: input.scheduledAt.toISOString(), timeZone: input.timeZone, people },
        occurredAt: loggedAt,
      });
      const next = stageAfterInterview(application.stage);
      // The move is a consequence of the interview, so it sorts just after it on the timeline.
      if (next) await changeStage(userId, applicationId, next, { tx, at: new Date(loggedAt.getTime() + 1) });
      // A later interview stops the follow-up plans waiting on this application.
      await settlePlanLetters(tx, userId, { applicationId });
      return { interviewId, movedTo: next };
    }),
  );
}

/** A person corrects an interview and who was there. False when it is missing or someone else's. */
export async function updateInterview(userId: string, applicationId: string, interviewId: string, input: InterviewInput) {
  return withPrimaryGuard(() =>
    db.transaction(async (tx) => {
      if (!(await updateInterviewFields(tx, userId, applicationId, interviewId, input))) return false;
      const people = await saveInterviewPeople(tx, userId, applicationId, interviewId, input);
      await recordActivity(tx, userId, {
        kind: 'interview_updated',
        applicationId,
        interviewId,
        detail: { kind: input.kind, scheduledAt: input.scheduledAt.toISOString(), timeZone: input.timeZone, people },
      });
      return true;
    }),
  );
}
