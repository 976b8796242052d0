import { tooManyRequests } from '@/app/api/too-many-requests';
import { applicationsForExport } from '@/db/queries/export';
import { getUser } from '@/lib/auth/user';
import { applicationsCsv } from '@/lib/csv/applications-csv';
import { downloadResponse } from '@/lib/csv/download';
import { describeUnexpected } from '@/lib/errors';
import { rateLimitRefusal } from '@/server/limits/rate-limit';

/** The signed-in person's applications as CSV, downloaded as a file. */
export async function GET() {
  const user = await getUser();
  if (!user) return new Response('Sign in to export your applications.', { status: 401 });
  try {
    const refusal = await rateLimitRefusal('export', user.id);
    if (refusal) return tooManyRequests(refusal);
    return downloadResponse(applicationsCsv(await applicationsForExport(user.id)), 'applications', 'csv');
  } catch (error) {
    return new Response(describeUnexpected('exportApplications', error), { status: 500 });
  }
}
