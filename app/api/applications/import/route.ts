import { importStep } from '@/app/(app)/applications/import/import-step';
import { bodyWithin, declaresMoreThan } from '@/app/api/read-body';
import type { ActionState } from '@/lib/actions/state';
import { MAX_IMPORT_BODY_BYTES } from '@/lib/csv/limits';

export const dynamic = 'force-dynamic';

const answer = (state: ActionState, status = 200) => Response.json(state, { status });
const TOO_LARGE: ActionState = {
  ok: false,
  message: 'That file cannot be imported.',
  fieldErrors: { file: ['The file is larger than 2 MB: split it and import the parts one by one.'] },
};

/**
 * The same check Next makes for a server action: the page that posts must be
 * this site's own, so another site cannot import into a signed-in person's
 * account from their browser.
 */
function fromThisSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The CSV import's steps, posted by the import page: the upload and its
 * preview, and the import itself. Server actions take far smaller bodies
 * than a 2 MB file, so the import comes here, where the body is read within
 * the import's own limit (by its declared length first, then as it
 * arrives) before anything else is done with it. The answer is the step's
 * state, as a server action's would be.
 */
export async function POST(request: Request) {
  if (!fromThisSite(request)) return answer({ ok: false, message: 'Import from the import page.' }, 403);
  if (declaresMoreThan(request, MAX_IMPORT_BODY_BYTES)) return answer(TOO_LARGE, 413);
  const bytes = await bodyWithin(request, MAX_IMPORT_BODY_BYTES);
  if (!bytes) return answer(TOO_LARGE, 413);

  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return answer({ ok: false, message: 'The form could not be read. Reload the page and try again.' }, 400);
  }
  return answer(await importStep({ ok: false }, form));
}
