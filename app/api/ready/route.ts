import { migrationRunning } from '@/db/queries/deployment';
import { errorReason } from '@/lib/error-reason';
import { isDatabaseUnreachable } from '@/lib/errors';
import { hasStarted } from '@/server/start';

export const dynamic = 'force-dynamic';

/**
 * Readiness, for a load balancer: 503 until this process has started, and
 * while any instance holds the migration lock (the schema is changing under
 * every process, so none should take traffic until it is done).
 */
export async function GET() {
  if (!hasStarted()) return Response.json({ ready: false, reason: 'starting' }, { status: 503 });
  try {
    if (await migrationRunning()) return Response.json({ ready: false, reason: 'migrating' }, { status: 503 });
    return Response.json({ ready: true });
  } catch (error) {
    console.error('[ready] database check failed:', isDatabaseUnreachable(error) ? 'unreachable' : errorReason(error));
    return Response.json({ ready: false, reason: 'database' }, { status: 503 });
  }
}
