import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { impressionsMissing } from '@/db/queries/due/impressions';
import { interviews } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { setupTestDatabase } from '../support/database';
import { form } from '../dashboard/due-seed';
import { interviewHoursAgo, seedDigestPeople } from './support';

const session = vi.hoisted(() => ({ getUser: vi.fn<() => Promise<SessionUser | null>>() }));
vi.mock('@/lib/auth/user', () => ({ getUser: session.getUser, requireUser: session.getUser }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { saveImpressionAction } = await import('@/app/(app)/applications/[id]/interviews/[interviewId]/impression/actions');

setupTestDatabase();

let ada: SessionUser;
beforeEach(async () => {
  ({ ada } = await seedDigestPeople());
  session.getUser.mockResolvedValue(ada);
});

const impressionOf = async (interviewId: string) =>
  (await db.select().from(interviews).where(eq(interviews.id, interviewId)))[0]!.impression;

describe('What impressed you most?, on its own', () => {
  it('is due for an interview that ended without it, and answered, the thank-you is owed instead', async () => {
    const now = new Date();
    const { applicationId, interviewId } = await interviewHoursAgo(ada, 2, { impression: null, now });
    expect((await impressionsMissing(ada.id, now)).rows.map((r) => r.interviewId)).toEqual([interviewId]);

    const saved = await saveImpressionAction(
      { ok: false },
      form({ applicationId, interviewId, impression: '  how the team reviews every launch together ' }),
    ).catch((error: { digest?: string }) => error.digest);
    expect(saved).toMatch(/^NEXT_REDIRECT;replace;\/dashboard;/);
    expect(await impressionOf(interviewId)).toBe('how the team reviews every launch together');
    expect((await impressionsMissing(ada.id, now)).rows).toEqual([]);
  });

  it('an interview still ahead, or one with its answer, is not asked about', async () => {
    const now = new Date();
    await interviewHoursAgo(ada, -2, { impression: null, now });
    await interviewHoursAgo(ada, 2, { now });
    expect((await impressionsMissing(ada.id, now)).rows).toEqual([]);
  });

  it('refuses an empty answer next to the field and keeps what was typed', async () => {
    const { applicationId, interviewId } = await interviewHoursAgo(ada, 2, { impression: null });
    const result = await saveImpressionAction({ ok: false }, form({ applicationId, interviewId, impression: '   ' }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { impression: [expect.stringMatching(/^Write a few words/)] } });
    expect(result.values).toMatchObject({ impression: '   ' });
    expect(await impressionOf(interviewId)).toBeNull();
  });
});
