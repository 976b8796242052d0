import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { applications, companies, stageChanges } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { setupTestDatabase } from '../support/database';
import { form, seedApplication, seedPerson } from './board-seed';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({ getUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { addApplication } = await import('@/app/(app)/applications/actions');

setupTestDatabase();

const valid = { company: 'Acme Rockets', position: 'Flight Engineer', jobUrl: '', location: '', source: '', stage: 'wishlist', appliedOn: '', notes: '' };

/** The action ends in redirect(), which Next signals by throwing; this returns where it pointed. */
async function addAndFollow(fields: Record<string, string>) {
  try {
    await addApplication({ ok: false }, form(fields));
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2];
    throw error;
  }
  throw new Error('expected a redirect');
}

describe('addApplication', () => {
  let ada: SessionUser;
  beforeEach(async () => {
    ada = await seedPerson();
    session.user = ada;
  });

  it('creates the application with its first history row and opens it', async () => {
    const to = await addAndFollow({ ...valid, jobUrl: 'https://acme.example/jobs/1', location: 'Remote', source: 'Referral', stage: 'applied', appliedOn: '2026-01-15', notes: 'Ask about the launch schedule.' });
    const id = to.replace('/applications/', '');
    const [row] = await db.select().from(applications).where(eq(applications.id, id));
    expect(row).toMatchObject({ userId: ada.id, position: 'Flight Engineer', stage: 'applied', jobUrl: 'https://acme.example/jobs/1', location: 'Remote', source: 'Referral', appliedOn: '2026-01-15', notes: 'Ask about the launch schedule.' });
    const history = await db.select().from(stageChanges).where(eq(stageChanges.applicationId, id));
    expect(history.map((h) => h.toStage)).toEqual(['applied']);
  });

  it('starts at wishlist when no stage is sent', async () => {
    const withoutStage: Record<string, string> = { ...valid };
    delete withoutStage.stage;
    const id = (await addAndFollow(withoutStage)).replace('/applications/', '');
    const [row] = await db.select().from(applications).where(eq(applications.id, id));
    expect(row.stage).toBe('wishlist');
  });

  it('reuses the person’s company whatever the capitals, but not someone else’s', async () => {
    await seedApplication(ada.id, { company: 'Acme Rockets' });
    const bob = await seedPerson('Bob');
    await seedApplication(bob.id, { company: 'Globex' });
    await addAndFollow({ ...valid, company: '  ACME rockets ' });
    await addAndFollow({ ...valid, company: 'globex' });
    const mine = await db.select().from(companies).where(eq(companies.userId, ada.id));
    expect(mine.map((c) => c.name).sort()).toEqual(['Acme Rockets', 'globex']);
  });

  it('refuses bad input with an error on each field and keeps what was typed', async () => {
    const typed = {
      company: 'x'.repeat(10_000),
      position: '',
      jobUrl: 'javascript:alert(1)',
      location: 'Line one\nLine two',
      source: '',
      stage: 'hired',
      appliedOn: '2999-01-01',
      notes: 'n'.repeat(5001),
    };
    const result = await addApplication({ ok: false }, form(typed));
    expect(result.ok).toBe(false);
    expect(result.fieldErrors).toMatchObject({
      company: ['Company can be at most 200 characters.'],
      position: ['Enter position.'],
      jobUrl: ['Job link must be a web address starting with http:// or https://.'],
      location: ['Location must be on one line.'],
      stage: ['Choose a stage from the list.'],
      appliedOn: ['Applied date cannot be in the future.'],
      notes: ['Notes can be at most 5000 characters.'],
    });
    expect(result.values).toMatchObject({ jobUrl: 'javascript:alert(1)', appliedOn: '2999-01-01', location: 'Line one\nLine two' });
    expect(await db.select().from(applications)).toEqual([]);
  });

  it('refuses a date that is not a date, or not a day of the calendar, with one message', async () => {
    for (const appliedOn of ['15/01/2026', '2026-02-31']) {
      const result = await addApplication({ ok: false }, form({ ...valid, appliedOn }));
      expect(result.fieldErrors?.appliedOn).toEqual(['Applied date must be a date like 2026-03-14.']);
    }
    expect(await db.select().from(applications)).toEqual([]);
  });

  it('files the application under the signed-in person, whatever userId the form carries', async () => {
    const bob = await seedPerson('Bob');
    const id = (await addAndFollow({ ...valid, userId: bob.id })).replace('/applications/', '');
    const [row] = await db.select().from(applications).where(eq(applications.id, id));
    expect(row.userId).toBe(ada.id);
  });

  it('refuses without a session and writes nothing', async () => {
    session.user = null;
    const result = await addApplication({ ok: false }, form(valid));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/Sign in again/) });
    expect(await db.select().from(applications)).toEqual([]);
  });
});
