import { applicationsForExport } from '@/db/queries/export';
import { getUser } from '@/lib/auth/user';
import { applicationsCsv } from '@/lib/csv/applications-csv';
import { exportFileName } from '@/lib/csv/export-file-name';
import { describeUnexpected } from '@/lib/errors';

/** The signed-in person's applications as CSV, downloaded as a file. */
export async function GET() {
  const user = await getUser();
  if (!user) return new Response('Sign in to export your applications.', { status: 401 });
  try {
    const csv = applicationsCsv(await applicationsForExport(user.id));
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${exportFileName('applications', 'csv')}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    return new Response(describeUnexpected('exportApplications', error), { status: 500 });
  }
}
