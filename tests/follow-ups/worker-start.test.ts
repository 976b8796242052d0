import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { letters } from '@/db/schema';
import { startLetterWorker, stopLetterWorker } from '@/server/queue/worker';
import { restoreEnv, useOutboxMode } from '../helpers/mail-mode';
import { setupTestDatabase } from '../support/database';
import { seedPeople, seedPlanApp, setDefaultMode } from './support';

setupTestDatabase();
afterEach(async () => {
  await stopLetterWorker();
  restoreEnv();
});

describe('the worker at start', () => {
  it('starts while an automatic step is due, and its run at start writes the letter', async () => {
    useOutboxMode();
    const { ada } = await seedPeople();
    await setDefaultMode(ada.id, 'after_applying', 'automatic');
    await seedPlanApp(ada.id, { stage: 'applied', movedDaysAgo: 30, appliedDaysAgo: 8 });

    // The letter the run writes wakes its sender through this very worker: start must not wait on that run.
    const started = await Promise.race([
      startLetterWorker().then(() => 'started'),
      new Promise((resolve) => setTimeout(() => resolve('stuck'), 20_000)),
    ]);
    expect(started).toBe('started');
    const until = Date.now() + 20_000;
    let written: { automatic: boolean; plan: string | null }[] = [];
    while (written.length === 0 && Date.now() < until) {
      written = await db.select({ automatic: letters.automatic, plan: letters.plan }).from(letters).where(eq(letters.userId, ada.id));
      if (written.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(written).toEqual([{ automatic: true, plan: 'after_applying' }]);
  });
});
