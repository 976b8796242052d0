import { derivedKey } from '@/server/security/secret';
import { UNSUBSCRIBE_KEY_PURPOSE, verifyUnsubscribeToken } from '@/lib/digest/unsubscribe';
import { errorReason } from '@/lib/error-reason';
import { unsubscribeFromDigest } from '@/server/digest/unsubscribe';

export const dynamic = 'force-dynamic';

/*
 * The digest's unsubscribe link and its List-Unsubscribe header point here.
 * A POST turns the digest off: RFC 8058's one-click, which a mail client
 * sends with no session and from no page of ours, so the signed token is the
 * only proof. A GET (a person following the link, or a mail scanner) changes
 * nothing and shows a page with the button. Plain HTML with no script: the
 * proxy, and its policy, never sees /api.
 */

const page = (status: number, title: string, body: string) =>
  new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${title} · Afterword</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1c1917;line-height:1.5"><h1 style="font-size:1.4rem">${title}</h1>${body}</body></html>`,
    {
      status,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      },
    },
  );

const REFUSED = () =>
  page(400, 'This unsubscribe link is not valid', '<p>It may have been cut short when it was copied. Turn the morning digest off in Settings instead.</p><p><a href="/settings">Open Settings</a></p>');

function personOf(request: Request): string | null {
  const token = new URL(request.url).searchParams.get('token');
  return verifyUnsubscribeToken(token, derivedKey(UNSUBSCRIBE_KEY_PURPOSE));
}

export async function GET(request: Request) {
  if (!personOf(request)) return REFUSED();
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const action = `?${new URLSearchParams({ token })}`.replaceAll('&', '&amp;');
  return page(
    200,
    'Stop the morning digest?',
    `<p>You will get no more morning digests. Your letters, and everything else in Afterword, stay as they are; you can turn the digest on again in Settings.</p><form method="post" action="${action}"><button type="submit" style="font:inherit;padding:.6rem 1rem;border-radius:.4rem;border:0;background:#1c1917;color:#fff">Unsubscribe</button></form>`,
  );
}

export async function POST(request: Request) {
  const userId = personOf(request);
  if (!userId) return REFUSED();
  try {
    await unsubscribeFromDigest(userId);
  } catch (error) {
    console.error(`[digest] could not unsubscribe: ${errorReason(error)}`);
    return page(503, 'Please try again in a minute', '<p>Afterword could not save that just now. Nothing changed.</p>');
  }
  // The same answer for an account deleted since: the mail it came from stops either way.
  return page(200, 'Unsubscribed', '<p>You will get no more morning digests. Turn it on again any time in <a href="/settings">Settings</a>.</p>');
}
