import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { contactsNotOnApplication } from '@/db/queries/application-contacts';
import { getApplication } from '@/db/queries/applications';
import { getUser } from '@/lib/auth/user';
import { id } from '@/lib/validation/fields';

const querySchema = z.object({ q: z.string().max(100).optional().default('') });

/**
 * The log-an-interview form's contact picker: the person's contacts not yet
 * on this application, matching what they typed. Searched here rather than
 * sent with the page, so a network of thousands stays on the server.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const query = querySchema.safeParse({ q: request.nextUrl.searchParams.get('q') ?? undefined });
  if (!query.success) return NextResponse.json({ error: 'The search can be at most 100 characters.' }, { status: 400 });
  const user = await getUser();
  if (!user) return NextResponse.json({ error: 'Sign in to search your contacts.' }, { status: 401 });
  const applicationId = (await params).id;
  const application = id.safeParse(applicationId).success ? await getApplication(user.id, applicationId) : null;
  if (!application) return NextResponse.json({ error: 'Not found.' }, { status: 404 });
  const contacts = await contactsNotOnApplication(user.id, applicationId, query.data.q);
  return NextResponse.json(
    { contacts: contacts.map(({ id: contactId, name, email }) => ({ id: contactId, name, email })) },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
