import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { applicationTimeline } from '@/db/queries/activity';
import { getApplication } from '@/db/queries/applications';
import { applicationInterviews } from '@/db/queries/interviews';
import { contacts } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { UserError } from '@/lib/errors';
import type { InterviewInput } from '@/lib/pipeline/interview-input';
import { logInterview, PrimaryRequiredError } from '@/server/interviews/log-interview';
import { setupTestDatabase } from '../support/database';
import { links, seedAdaAndMallory, seedApplication, seedContact, seedLink, snapshot } from './support';

setupTestDatabase();

let ada: SessionUser;
let mallory: SessionUser;

beforeEach(async () => {
  ({ ada, mallory } = await seedAdaAndMallory());
});

const input = (overrides: Partial<InterviewInput> = {}): InterviewInput => ({
  scheduledAt: new Date('2026-03-14T13:30:00Z'),
  timeZone: 'Europe/Berlin',
  kind: 'video',
  location: 'https://meet.example/abc',
  notes: 'Asked about telemetry.',
  impression: 'How the team reviews every launch together.',
  attendeeIds: [],
  newPeople: [],
  primary: null,
  ...overrides,
});

describe('logInterview', () => {
  it('writes the interview, its people, links, primary, timeline and the move to interviewing', async () => {
    const applicationId = await seedApplication(ada.id, 'applied');
    const grace = await seedContact(ada.id, 'Grace Hopper', 'grace@navy.example');
    await seedLink(ada.id, applicationId, grace, 'recruiter');

    const result = await logInterview(
      ada.id,
      applicationId,
      input({ attendeeIds: [grace], newPeople: [{ name: 'Alan Turing', email: 'alan@bletchley.example' }], primary: { newPerson: 0 } }),
    );

    expect(result).toEqual({ interviewId: expect.any(String), movedTo: 'interviewing' });
    const [alan] = await db.select().from(contacts).where(eq(contacts.email, 'alan@bletchley.example'));
    expect(alan).toMatchObject({ userId: ada.id, name: 'Alan Turing' });
    const [interview] = await applicationInterviews(ada.id, applicationId);
    expect(interview).toMatchObject({ id: result!.interviewId, timeZone: 'Europe/Berlin', impression: 'How the team reviews every launch together.' });
    expect(interview.people.map((p) => p.name)).toEqual(['Alan Turing', 'Grace Hopper']);
    expect(await links(ada.id, applicationId)).toEqual(
      expect.arrayContaining([
        { contactId: grace, role: 'recruiter', isPrimary: false },
        { contactId: alan.id, role: 'interviewer', isPrimary: true },
      ]),
    );
    expect((await getApplication(ada.id, applicationId))!.stage).toBe('interviewing');
    const timeline = await applicationTimeline(ada.id, applicationId);
    expect(timeline.slice(0, 3).map((a) => a.kind)).toEqual(['stage_changed', 'interview_logged', 'contact_linked']);
    expect(timeline[0].detail).toMatchObject({ from: 'applied', to: 'interviewing' });
    expect(timeline[1].detail).toMatchObject({ kind: 'video', timeZone: 'Europe/Berlin', people: 2 });
    expect(timeline[2]).toMatchObject({ contactId: alan.id, detail: { name: 'Alan Turing', role: 'interviewer', primary: true } });
  });

  it('moves wishlist and applied to interviewing, but never an application already further along', async () => {
    const expected: [string, string][] = [
      ['wishlist', 'interviewing'],
      ['interviewing', 'interviewing'],
      ['offer', 'offer'],
      ['rejected', 'rejected'],
    ];
    for (const [from, to] of expected) {
      const applicationId = await seedApplication(ada.id, from as 'offer', `Company ${from}`);
      const result = await logInterview(ada.id, applicationId, input());
      expect(result?.movedTo ?? null).toBe(from === 'wishlist' ? 'interviewing' : null);
      expect((await getApplication(ada.id, applicationId))!.stage).toBe(to);
      const moves = (await applicationTimeline(ada.id, applicationId)).filter((a) => a.kind === 'stage_changed');
      expect(moves).toHaveLength(from === 'wishlist' ? 1 : 0);
    }
  });

  it('reuses an existing contact whose email matches in any case, and creates no duplicate', async () => {
    const applicationId = await seedApplication(ada.id);
    const grace = await seedContact(ada.id, 'Grace Hopper', 'grace@navy.example');

    await logInterview(ada.id, applicationId, input({ newPeople: [{ name: 'G. Hopper', email: 'GRACE@Navy.Example' }], primary: { newPerson: 0 } }));

    const mine = await db.select().from(contacts).where(eq(contacts.userId, ada.id));
    expect(mine.map((c) => c.id)).toEqual([grace]);
    expect(mine[0].name).toBe('Grace Hopper');
    expect(await links(ada.id, applicationId)).toEqual([{ contactId: grace, role: 'interviewer', isPrimary: true }]);
  });

  it('keeps the current primary when none is chosen, and replaces it when another is', async () => {
    const applicationId = await seedApplication(ada.id);
    const grace = await seedContact(ada.id, 'Grace Hopper', 'grace@navy.example');
    const alan = await seedContact(ada.id, 'Alan Turing', 'alan@bletchley.example');
    await seedLink(ada.id, applicationId, grace, 'hiring_manager', true);

    await logInterview(ada.id, applicationId, input({ attendeeIds: [alan] }));
    expect((await links(ada.id, applicationId)).filter((l) => l.isPrimary).map((l) => l.contactId)).toEqual([grace]);

    await logInterview(ada.id, applicationId, input({ attendeeIds: [alan], primary: { contactId: alan } }));
    expect(await links(ada.id, applicationId)).toEqual(
      expect.arrayContaining([
        { contactId: grace, role: 'hiring_manager', isPrimary: false },
        { contactId: alan, role: 'interviewer', isPrimary: true },
      ]),
    );
  });

  it('writes nothing at all when it fails halfway: no primary chosen for new people', async () => {
    const applicationId = await seedApplication(ada.id, 'applied');
    const before = await snapshot(ada.id);

    const attempt = logInterview(ada.id, applicationId, input({ newPeople: [{ name: 'Alan Turing', email: 'alan@bletchley.example' }] }));

    await expect(attempt).rejects.toBeInstanceOf(PrimaryRequiredError);
    expect(await snapshot(ada.id)).toEqual(before);
  });

  it('writes nothing at all when the database fails at the last step (the stage move)', async () => {
    const applicationId = await seedApplication(ada.id, 'applied');
    const grace = await seedContact(ada.id, 'Grace Hopper', 'grace@navy.example');
    await db.execute(sql`create function fail_stage_change() returns trigger language plpgsql as $$
      begin raise exception 'forced failure'; end $$`);
    await db.execute(sql`create trigger fail_stage_change before insert on stage_changes for each row execute function fail_stage_change()`);
    const before = await snapshot(ada.id);
    try {
      const attempt = logInterview(
        ada.id,
        applicationId,
        input({ attendeeIds: [grace], newPeople: [{ name: 'Alan Turing', email: 'alan@bletchley.example' }], primary: { contactId: grace } }),
      );
      await expect(attempt).rejects.toThrow();
      expect(await snapshot(ada.id)).toEqual(before);
    } finally {
      await db.execute(sql`drop trigger fail_stage_change on stage_changes`);
      await db.execute(sql`drop function fail_stage_change()`);
    }
  });

  it('refuses another person’s application and contacts, and changes nothing', async () => {
    const adaApplication = await seedApplication(ada.id);
    const adaContact = await seedContact(ada.id, 'Grace Hopper', 'grace@navy.example');
    const malloryApplication = await seedApplication(mallory.id);
    const before = await snapshot(ada.id);
    const malloryBefore = await snapshot(mallory.id);

    expect(await logInterview(mallory.id, adaApplication, input())).toBeNull();
    await expect(
      logInterview(mallory.id, malloryApplication, input({ attendeeIds: [adaContact], primary: { contactId: adaContact } })),
    ).rejects.toBeInstanceOf(UserError);

    expect(await snapshot(ada.id)).toEqual(before);
    expect(await snapshot(mallory.id)).toEqual(malloryBefore);
  });
});
