import { z } from 'zod';
import { getReply } from '@/db/queries/replies';
import { getUser } from '@/lib/auth/user';

/**
 * What mail from anyone may do when shown: nothing but look. The policy's
 * `sandbox` makes the document scriptless, formless and of no origin even
 * when opened on its own; remote images (tracking pixels) and styles from
 * elsewhere are not loaded; inline styles stay, since email is styled so.
 * The frame it is shown in is sandboxed as well.
 */
const REPLY_POLICY = [
  'sandbox',
  "default-src 'none'",
  'img-src data:',
  "style-src 'unsafe-inline'",
  'font-src data:',
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** A reply's HTML as received, for the framed look on its letter's page. Only its owner may see it. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getUser();
  if (!user) return new Response('Sign in to see this reply.', { status: 401 });
  const id = z.uuid().safeParse((await params).id);
  // Another person's reply, a deleted one and a malformed id all read as missing.
  const reply = id.success ? await getReply(user.id, id.data) : null;
  if (!reply?.html) return new Response('That reply could not be found.', { status: 404 });
  return new Response(reply.html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': REPLY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'private, no-store',
    },
  });
}
