import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activities, applications, companies, stageChanges } from '@/db/schema';
import { getUser } from '@/lib/auth/user';
import { importStep } from '@/app/(app)/applications/import/import-step';
import { setupTestDatabase } from '../support/database';
import { csvFile, previewForm, previewIn, seedPerson, uploadForm } from './import-helpers';

vi.mock('@/lib/auth/user', () => ({ getUser: vi.fn(), requireUser: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const database = setupTestDatabase();

afterEach(async () => {
  await database.db.execute(sql`drop trigger if exists refuse_activity on activities`);
});

describe('a failure in the middle of an import', () => {
  it('writes nothing at all, says so, and keeps the preview so the person can try again', async () => {
    const person = await seedPerson(database.db, 'ada');
    vi.mocked(getUser).mockResolvedValue(person);
    const rows = Array.from({ length: 1500 }, (_, i) => `Company ${i % 40},Position ${i}`);
    const preview = previewIn(await importStep({ ok: false }, uploadForm(csvFile(`Company,Position\n${rows.join('\n')}\n`))));
    expect(preview.importable).toBe(1500);

    // The database itself refuses the last statement of the import, after companies,
    // applications and history have been written: a real failure, not a mocked one.
    await database.db.execute(sql`
      create or replace function refuse_activity() returns trigger language plpgsql as $$
      begin
        if new.detail->>'position' = 'Position 1499' then raise exception 'disk full'; end if;
        return new;
      end $$`);
    await database.db.execute(sql`
      create trigger refuse_activity before insert on activities for each row execute function refuse_activity()`);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});

    const state = await importStep({ ok: false }, previewForm(preview, 'import'));

    expect(state.ok).toBe(false);
    expect(state.message).toBe('Something went wrong on our side and nothing was saved. Please try again.');
    expect(state.data?.importable).toBe(1500);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('[importApplications] unexpected error:'));
    for (const table of [applications, companies, stageChanges, activities]) {
      expect(await database.db.select().from(table)).toEqual([]);
    }
  });
});
