import { sql } from 'drizzle-orm';
import { db } from '@/db';
import { errorReason } from '@/lib/error-reason';
import { isDatabaseUnreachable } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** Up when the app can answer and reach its database; Playwright waits on it. */
export async function GET() {
  try {
    await db.execute(sql`select 1`);
    return Response.json({ ok: true, database: 'up' });
  } catch (error) {
    console.error('[health] database check failed:', isDatabaseUnreachable(error) ? 'unreachable' : errorReason(error));
    return Response.json({ ok: false, database: 'down' }, { status: 503 });
  }
}
