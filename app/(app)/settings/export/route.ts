import { tooManyRequests } from '@/app/api/too-many-requests';
import { everythingOwnedBy } from '@/db/queries/export';
import { getUser } from '@/lib/auth/user';
import { downloadResponse } from '@/lib/csv/download';
import { describeUnexpected } from '@/lib/errors';
import { rateLimitRefusal } from '@/server/limits/rate-limit';

/**
 * Everything the signed-in person owns, as one JSON file: theirs to keep or
 * take elsewhere. Versioned so a later import can tell what it reads.
 */
export async function GET() {
  const user = await getUser();
  if (!user) return new Response('Sign in to download your data.', { status: 401 });
  try {
    const refusal = await rateLimitRefusal('export', user.id);
    if (refusal) return tooManyRequests(refusal);
    const owned = await everythingOwnedBy(user.id);
    if (!owned) return new Response('Your account could not be found.', { status: 404 });
    const body = JSON.stringify({ format: 'afterword-export', version: 1, exportedAt: new Date().toISOString(), ...owned }, null, 2);
    return downloadResponse(body, 'export', 'json');
  } catch (error) {
    return new Response(describeUnexpected('exportEverything', error), { status: 500 });
  }
}
