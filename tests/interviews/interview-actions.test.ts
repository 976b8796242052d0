import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { getApplication } from '@/db/queries/applications';
import { applicationInterviews, getInterview } from '@/db/queries/interviews';
import { contacts } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { setupTestDatabase } from '../support/database';
import { form, links, seedAdaAndMallory, seedApplication, seedContact, seedLink, snapshot, thrownDigest } from './support';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({ getUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { saveNewInterview, saveInterview, removeInterview } = await import('@/app/(app)/applications/[id]/interviews/actions');

setupTestDatabase();

let ada: SessionUser;
let mallory: SessionUser;
let applicationId: string;
let grace: string;

beforeEach(async () => {
  ({ ada, mallory } = await seedAdaAndMallory());
  session.user = ada;
  applicationId = await seedApplication(ada.id, 'applied');
  grace = await seedContact(ada.id, 'Grace Hopper', 'grace@navy.example');
  await seedLink(ada.id, applicationId, grace, 'recruiter');
});

const typed = (overrides: Record<string, string> = {}) => ({
  applicationId,
  when: '2026-03-14T14:30',
  timeZone: 'Europe/Berlin',
  kind: 'onsite',
  location: '1 Rocket Road',
  notes: '',
  impression: 'The launch review ritual.',
  [`attendee.${grace}`]: 'on',
  'newName.0': 'Alan Turing',
  'newEmail.0': 'Alan@Bletchley.example',
  primary: 'new:0',
  ...overrides,
});

describe('saveNewInterview', () => {
  it('saves the interview in the zone it was typed in, then goes back to the application', async () => {
    const digest = await thrownDigest(saveNewInterview({ ok: false }, form(typed())));

    expect(digest).toContain(`NEXT_REDIRECT;replace;/applications/${applicationId}#interviews;`);
    const [interview] = await applicationInterviews(ada.id, applicationId);
    expect(interview.scheduledAt.toISOString()).toBe('2026-03-14T13:30:00.000Z');
    expect(interview).toMatchObject({ timeZone: 'Europe/Berlin', kind: 'onsite', location: '1 Rocket Road', notes: null });
    expect(interview.people.map((p) => p.name)).toEqual(['Alan Turing', 'Grace Hopper']);
    const [alan] = await db.select().from(contacts).where(eq(contacts.name, 'Alan Turing'));
    expect(alan.email).toBe('alan@bletchley.example');
    expect((await links(ada.id, applicationId)).find((l) => l.isPrimary)?.contactId).toBe(alan.id);
    expect((await getApplication(ada.id, applicationId))!.stage).toBe('interviewing');
  });

  it('shows each problem next to its field, keeps everything typed (people included) and saves nothing', async () => {
    const before = await snapshot(ada.id);
    const values = typed({
      when: '',
      timeZone: 'Mars/Olympus',
      'newName.0': 'Alan Turing',
      'newEmail.0': 'alan-at-bletchley',
      'newName.3': '',
      'newEmail.3': 'someone@example.com',
      kind: 'coffee',
    });

    const result = await saveNewInterview({ ok: false }, form(values));

    expect(result.ok).toBe(false);
    expect(result.fieldErrors).toMatchObject({
      when: ['Enter the date and time of the interview.'],
      timeZone: ['Choose a time zone from the list.'],
      kind: ['Choose the round.'],
      'newEmail.0': ['Enter an address like name@example.com.'],
      'newName.3': ['Enter their name.'],
    });
    expect(result.values).toEqual(values);
    expect(await snapshot(ada.id)).toEqual(before);
  });

  it('asks for a primary contact when people were there and the application has none', async () => {
    const before = await snapshot(ada.id);

    const result = await saveNewInterview({ ok: false }, form(typed({ primary: '' })));

    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.primary?.[0]).toMatch(/mark one person as the primary contact/);
    expect(result.values?.['newName.0']).toBe('Alan Turing');
    expect(await snapshot(ada.id)).toEqual(before);
  });

  it('refuses a primary that points at an empty row, a far-off date, and a 10,000-character impression', async () => {
    const result = await saveNewInterview(
      { ok: false },
      form(typed({ primary: 'new:7', when: '2199-01-01T10:00', impression: 'x'.repeat(10_000) })),
    );

    expect(result.fieldErrors?.primary).toEqual(['The person marked as primary has no name or email yet.']);
    expect(result.fieldErrors?.when).toEqual(['That date is too far in the future.']);
    expect(result.fieldErrors?.impression).toEqual(['What impressed you most can be at most 2000 characters.']);
  });

  it('treats another person’s application, or a malformed id, as missing and changes nothing', async () => {
    const malloryApplication = await seedApplication(mallory.id, 'applied');
    const before = await snapshot(mallory.id);
    const adaBefore = await snapshot(ada.id);

    const foreign = await saveNewInterview({ ok: false }, form(typed({ applicationId: malloryApplication, [`attendee.${grace}`]: 'off' })));
    const malformed = await saveNewInterview({ ok: false }, form(typed({ applicationId: 'not-a-uuid' })));

    expect(foreign).toMatchObject({ ok: false, message: 'That application could not be found. It may have been deleted.' });
    expect(malformed.ok).toBe(false);
    expect(malformed.fieldErrors?.applicationId).toEqual(['That item could not be found.']);
    // Mallory on her own application, naming Ada's contact as the primary.
    session.user = mallory;
    const asMallory = await saveNewInterview({ ok: false }, form({ ...typed({ primary: `contact:${grace}` }), applicationId: malloryApplication }));
    expect(asMallory.ok).toBe(false);
    expect(asMallory.message).toMatch(/no longer in your contacts/);
    expect(await snapshot(mallory.id)).toEqual(before);
    expect(await snapshot(ada.id)).toEqual(adaBefore);
  });

  it('asks a signed-out visitor to sign in and saves nothing', async () => {
    session.user = null;
    const before = await snapshot(ada.id);

    const result = await saveNewInterview({ ok: false }, form(typed()));

    expect(result).toMatchObject({ ok: false, message: 'Your session has ended. Sign in again to continue.' });
    expect(await snapshot(ada.id)).toEqual(before);
  });
});

describe('saveInterview and removeInterview', () => {
  async function logged() {
    await thrownDigest(saveNewInterview({ ok: false }, form(typed({ impression: '' }))));
    const [interview] = await applicationInterviews(ada.id, applicationId);
    return interview.id;
  }

  it('adds the impression later and changes who was there, without moving the stage again', async () => {
    const interviewId = await logged();

    const digest = await thrownDigest(
      saveInterview(
        { ok: false },
        form({ ...typed({ impression: 'Their calm review of a failed launch.', 'newName.0': '', 'newEmail.0': '', primary: '' }), interviewId }),
      ),
    );

    expect(digest).toContain('NEXT_REDIRECT');
    const interview = await getInterview(ada.id, applicationId, interviewId);
    expect(interview?.impression).toBe('Their calm review of a failed launch.');
    expect(interview?.people.map((p) => p.name)).toEqual(['Grace Hopper']);
    // Alan stays on the application, and stays primary: editing who attended does not unlink anyone.
    expect((await links(ada.id, applicationId)).filter((l) => l.isPrimary)).toHaveLength(1);
  });

  it('refuses to edit or delete another person’s interview, and changes nothing', async () => {
    const interviewId = await logged();
    const before = await snapshot(ada.id);
    session.user = mallory;

    const edited = await saveInterview({ ok: false }, form({ ...typed({ impression: 'pwned' }), interviewId }));
    const removed = await removeInterview({ ok: false }, form({ applicationId, interviewId }));

    expect(edited).toMatchObject({ ok: false, message: 'That interview could not be found. It may have been deleted.' });
    expect(removed).toMatchObject({ ok: false, message: 'That interview could not be found. It may have been deleted.' });
    expect(await snapshot(ada.id)).toEqual(before);
  });

  it('deletes an interview; the people stay on the application', async () => {
    const interviewId = await logged();

    expect(await thrownDigest(removeInterview({ ok: false }, form({ applicationId, interviewId })))).toContain('NEXT_REDIRECT');

    expect(await applicationInterviews(ada.id, applicationId)).toEqual([]);
    expect(await links(ada.id, applicationId)).toHaveLength(2);
  });
});
