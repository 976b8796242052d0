import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applications, companies, stageChanges, activities } from '@/db/schema';
import { getUser } from '@/lib/auth/user';
import { importStep } from '@/app/(app)/applications/import/actions';
import { setupTestDatabase } from '../support/database';
import { csvFile, previewForm, previewIn, seedPerson, uploadForm } from './import-helpers';

vi.mock('@/lib/auth/user', () => ({ getUser: vi.fn(), requireUser: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

// createApplication works as usual until a test arms `failOnRow`: then that row's insert fails mid-import.
const failure = vi.hoisted(() => ({ failOnRow: 0, calls: 0 }));
vi.mock('@/db/queries/applications', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/db/queries/applications')>();
  return {
    ...original,
    createApplication: async (...args: Parameters<typeof original.createApplication>) => {
      failure.calls += 1;
      if (failure.calls === failure.failOnRow) throw Object.assign(new Error('insert failed'), { code: '23505' });
      return original.createApplication(...args);
    },
  };
});

const database = setupTestDatabase();

beforeEach(() => {
  failure.calls = 0;
  failure.failOnRow = 0;
});

describe('a failure in the middle of an import', () => {
  it('writes nothing at all, says so, and keeps the preview so the person can try again', async () => {
    const person = await seedPerson(database.db, 'ada');
    vi.mocked(getUser).mockResolvedValue(person);
    const file = 'Company,Position\nAcme,Engineer\nBeta,Designer\nGamma,Writer\nDelta,Tester\n';
    const preview = previewIn(await importStep({ ok: false }, uploadForm(csvFile(file))));
    failure.failOnRow = 3;
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});

    const state = await importStep({ ok: false }, previewForm(preview, 'import'));

    expect(failure.calls).toBe(3);
    expect(state.ok).toBe(false);
    expect(state.message).toBe('Something went wrong on our side and nothing was saved. Please try again.');
    expect(state.data?.importable).toBe(4);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('[importApplications]'), expect.any(Error));
    for (const table of [applications, companies, stageChanges, activities]) {
      expect(await database.db.select().from(table)).toEqual([]);
    }
  });
});
