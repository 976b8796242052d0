import { sql } from 'drizzle-orm';
import { db } from '@/db';
import { workerLiveness } from '@/db/queries/deployment';
import { errorReason } from '@/lib/error-reason';
import { isDatabaseUnreachable } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/**
 * Liveness: up when the app can answer and reach its database; Playwright
 * waits on it. It also says when a worker was last heard from, for whoever
 * watches the deployment, but a silent worker does not fail it: pages still
 * work without one, and a load balancer should not pull a web process for it.
 */
export async function GET() {
  try {
    await db.execute(sql`select 1`);
    const worker = await workerLiveness();
    return Response.json({ ok: true, database: 'up', worker: { live: worker.live, lastSeenSecondsAgo: worker.secondsAgo } });
  } catch (error) {
    console.error('[health] database check failed:', isDatabaseUnreachable(error) ? 'unreachable' : errorReason(error));
    return Response.json({ ok: false, database: 'down' }, { status: 503 });
  }
}
