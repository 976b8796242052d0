import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { applicationTimeline } from '@/db/queries/activity';
import { changeStage, getApplication, stageHistory } from '@/db/queries/applications';
import { applicationContacts, contacts, interviews } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { logInterview } from '@/server/interviews/log-interview';
import {
  form,
  interviewInput,
  seedAdaAndMallory,
  seedApplication,
  seedContact,
  seedLink,
  snapshot,
  thrownDigest,
} from '../interviews/support';
import { setupTestDatabase } from '../support/database';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({ getUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { moveStage, archiveApplication, removeApplication, correctStageDate } = await import('@/app/(app)/applications/[id]/actions');
const { saveApplication } = await import('@/app/(app)/applications/[id]/edit/actions');

setupTestDatabase();

const NOT_FOUND = 'That application could not be found. It may have been deleted.';
let ada: SessionUser;
let mallory: SessionUser;
let applicationId: string;

beforeEach(async () => {
  ({ ada, mallory } = await seedAdaAndMallory());
  session.user = ada;
  applicationId = await seedApplication(ada.id, 'applied');
});

describe('moveStage', () => {
  it('moves the application and keeps the move as history', async () => {
    const result = await moveStage({ ok: false }, form({ applicationId, stage: 'offer' }));

    expect(result).toMatchObject({ ok: true, message: 'Moved to Offer.' });
    expect((await getApplication(ada.id, applicationId))!.stage).toBe('offer');
    expect((await stageHistory(ada.id, applicationId))[0]).toMatchObject({ fromStage: 'applied', toStage: 'offer' });
  });

  it('refuses an unknown stage, a malformed id and another person’s application', async () => {
    const before = await snapshot(ada.id);

    const unknown = await moveStage({ ok: false }, form({ applicationId, stage: 'hired' }));
    const malformed = await moveStage({ ok: false }, form({ applicationId: '1 or 1=1', stage: 'offer' }));
    session.user = mallory;
    const foreign = await moveStage({ ok: false }, form({ applicationId, stage: 'rejected' }));

    expect(unknown.fieldErrors?.stage).toEqual(['Choose a stage from the list.']);
    expect(malformed.fieldErrors?.applicationId).toEqual(['That item could not be found.']);
    expect(foreign).toMatchObject({ ok: false, message: NOT_FOUND });
    expect(await snapshot(ada.id)).toEqual(before);
  });
});

describe('archiveApplication', () => {
  it('archives and restores', async () => {
    expect(await archiveApplication({ ok: false }, form({ applicationId, archived: 'true' }))).toMatchObject({ ok: true });
    expect((await getApplication(ada.id, applicationId))!.archived).toBe(true);
    expect(await archiveApplication({ ok: false }, form({ applicationId, archived: 'false' }))).toMatchObject({ ok: true });
    expect((await getApplication(ada.id, applicationId))!.archived).toBe(false);
  });

  it('refuses another person’s application and changes nothing', async () => {
    const before = await snapshot(ada.id);
    session.user = mallory;

    expect(await archiveApplication({ ok: false }, form({ applicationId, archived: 'true' }))).toMatchObject({ ok: false, message: NOT_FOUND });
    expect(await snapshot(ada.id)).toEqual(before);
  });
});

describe('removeApplication', () => {
  it('deletes the application with its interviews, links and history, keeps the contacts, and goes to the list', async () => {
    const grace = await seedContact(ada.id, 'Grace Hopper', 'grace@navy.example');
    await seedLink(ada.id, applicationId, grace, 'recruiter', true);
    await logInterview(ada.id, applicationId, interviewInput({ attendeeIds: [grace] }));

    const digest = await thrownDigest(removeApplication({ ok: false }, form({ applicationId })));

    expect(digest).toContain('NEXT_REDIRECT;replace;/applications;');
    expect(await getApplication(ada.id, applicationId)).toBeNull();
    expect(await db.select().from(interviews).where(eq(interviews.userId, ada.id))).toEqual([]);
    expect(await db.select().from(applicationContacts).where(eq(applicationContacts.userId, ada.id))).toEqual([]);
    expect(await stageHistory(ada.id, applicationId)).toEqual([]);
    expect(await applicationTimeline(ada.id, applicationId)).toEqual([]);
    expect((await db.select().from(contacts).where(and(eq(contacts.userId, ada.id), eq(contacts.id, grace)))).length).toBe(1);
  });

  it('refuses another person’s application, or a malformed id, and deletes nothing', async () => {
    const before = await snapshot(ada.id);
    session.user = mallory;

    expect(await removeApplication({ ok: false }, form({ applicationId }))).toMatchObject({ ok: false, message: NOT_FOUND });
    expect((await removeApplication({ ok: false }, form({ applicationId: 'nope' }))).ok).toBe(false);
    expect(await snapshot(ada.id)).toEqual(before);
  });
});

describe('correctStageDate', () => {
  async function move() {
    await changeStage(ada.id, applicationId, 'interviewing');
    return (await stageHistory(ada.id, applicationId))[0].id;
  }

  it('re-dates the move, its timeline entry and the card’s “in this stage since”, in the person’s zone', async () => {
    const stageChangeId = await move();

    const result = await correctStageDate(
      { ok: false },
      form({ applicationId, stageChangeId, changedAt: '2025-02-03T09:15', timeZone: 'America/New_York' }),
    );

    expect(result).toMatchObject({ ok: true, message: 'Date corrected.' });
    const corrected = new Date('2025-02-03T14:15:00Z');
    expect((await stageHistory(ada.id, applicationId)).find((c) => c.id === stageChangeId)?.changedAt).toEqual(corrected);
    const entry = (await applicationTimeline(ada.id, applicationId)).find((a) => a.detail.stageChangeId === stageChangeId);
    expect(entry?.occurredAt).toEqual(corrected);
  });

  it('refuses a date in the future or nonsense, and another person’s move', async () => {
    const stageChangeId = await move();
    const before = await snapshot(ada.id);

    const future = await correctStageDate({ ok: false }, form({ applicationId, stageChangeId, changedAt: '2999-01-01T00:00', timeZone: 'UTC' }));
    const nonsense = await correctStageDate({ ok: false }, form({ applicationId, stageChangeId, changedAt: 'yesterday', timeZone: 'UTC' }));
    session.user = mallory;
    const foreign = await correctStageDate({ ok: false }, form({ applicationId, stageChangeId, changedAt: '2025-01-01T00:00', timeZone: 'UTC' }));

    expect(future.fieldErrors?.changedAt).toEqual(['A move cannot be dated in the future.']);
    expect(nonsense.fieldErrors?.changedAt).toEqual(['Enter a date and time like 2026-03-14 09:30.']);
    expect(foreign).toMatchObject({ ok: false, message: 'That stage move could not be found. It may have been deleted.' });
    expect(await snapshot(ada.id)).toEqual(before);
  });
});

describe('saveApplication (edit)', () => {
  const fields = (overrides: Record<string, string> = {}) => ({
    applicationId,
    company: 'Acme Rockets',
    position: 'Senior Flight Engineer',
    jobUrl: 'https://acme.example/jobs/1',
    location: 'Remote',
    source: 'Referral',
    appliedOn: '2025-01-10',
    notes: 'Ask about the launch cadence.',
    ...overrides,
  });

  it('saves every field and goes back to the application', async () => {
    const { applicationId: id, ...typed } = fields({ company: 'Acme Orbital' });

    const digest = await thrownDigest(saveApplication({ ok: false }, form({ applicationId: id, ...typed })));

    expect(digest).toContain(`NEXT_REDIRECT;replace;/applications/${applicationId};`);
    expect(await getApplication(ada.id, applicationId)).toMatchObject(typed);
  });

  it('refuses bad values next to their fields, keeps what was typed, and saves nothing', async () => {
    const before = await snapshot(ada.id);
    const typed = fields({ company: 'A'.repeat(10_000), jobUrl: 'javascript:alert(1)', appliedOn: '2999-01-01', position: '' });

    const result = await saveApplication({ ok: false }, form(typed));

    expect(result.fieldErrors).toMatchObject({
      company: ['Company can be at most 200 characters.'],
      position: ['Enter position.'],
      jobUrl: ['Job posting link must be a web address starting with http:// or https://.'],
      appliedOn: ['Applied on cannot be in the future.'],
    });
    expect(result.values).toEqual(typed);
    expect(await snapshot(ada.id)).toEqual(before);
  });

  it('refuses another person’s application and ignores fields the form does not offer', async () => {
    const before = await snapshot(ada.id);
    session.user = mallory;

    const result = await saveApplication({ ok: false }, form(fields({ userId: mallory.id })));

    expect(result).toMatchObject({ ok: false, message: NOT_FOUND });
    expect(await snapshot(ada.id)).toEqual(before);
  });
});
