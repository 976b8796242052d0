import { isValidElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/user';
import { logInterview } from '@/server/interviews/log-interview';
import { interviewInput, seedAdaAndMallory, seedApplication, thrownDigest } from '../interviews/support';
import { setupTestDatabase } from '../support/database';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({
  getUser: async () => session.user,
  requireUser: async () => {
    if (!session.user) throw new Error('requireUser would redirect to /sign-in');
    return session.user;
  },
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { default: DetailPage } = await import('@/app/(app)/applications/[id]/page');
const { default: EditPage } = await import('@/app/(app)/applications/[id]/edit/page');
const { default: AddContactPage } = await import('@/app/(app)/applications/[id]/contacts/new/page');
const { default: NewInterviewPage } = await import('@/app/(app)/applications/[id]/interviews/new/page');
const { default: EditInterviewPage } = await import('@/app/(app)/applications/[id]/interviews/[interviewId]/edit/page');

setupTestDatabase();

let ada: SessionUser;
let mallory: SessionUser;
let applicationId: string;
let interviewId: string;

beforeEach(async () => {
  ({ ada, mallory } = await seedAdaAndMallory());
  applicationId = await seedApplication(ada.id);
  const logged = await logInterview(ada.id, applicationId, interviewInput());
  interviewId = logged!.interviewId;
});

const pages = (id: string, interview = interviewId) => ({
  detail: () => DetailPage({ params: Promise.resolve({ id }) }),
  edit: () => EditPage({ params: Promise.resolve({ id }) }),
  addContact: () => AddContactPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) }),
  newInterview: () => NewInterviewPage({ params: Promise.resolve({ id }) }),
  editInterview: () => EditInterviewPage({ params: Promise.resolve({ id, interviewId: interview }) }),
});

const NOT_FOUND = 'NEXT_HTTP_ERROR_FALLBACK;404';

describe('the application pages', () => {
  it('render for the owner', async () => {
    session.user = ada;
    for (const [name, render] of Object.entries(pages(applicationId))) {
      expect(isValidElement(await render()), name).toBe(true);
    }
  });

  it('are 404 for another person, exactly as for a missing or malformed id', async () => {
    session.user = mallory;
    const cases = [pages(applicationId), pages(crypto.randomUUID()), pages('not-a-uuid'), pages(applicationId, 'nope')];
    for (const variant of cases) {
      for (const [name, render] of Object.entries(variant)) {
        expect(await thrownDigest(render()), name).toBe(NOT_FOUND);
      }
    }
    session.user = ada;
    expect(await thrownDigest(pages(applicationId, crypto.randomUUID()).editInterview())).toBe(NOT_FOUND);
  });
});
