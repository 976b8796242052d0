import 'server-only';
import { Resend } from 'resend';
import { env } from '@/env';
import { errorReason } from '@/lib/error-reason';
import { type ReceivedContent, type ReceivedEvent, readReceivedContent } from '@/lib/replies/received-email';

const READ_TIMEOUT_MS = 15_000;

export type ReadResult = { ok: true; content: ReceivedContent } | { ok: false; error: string };

/**
 * The content of an email Resend received, read the one way mail comes in:
 * Resend's receiving API, or in outbox mode the simulated reply the outbox
 * kept on the event. Any failure (404, 5xx, no answer in time) is an error
 * to try again later; reading twice is harmless, it changes nothing there.
 */
export async function readReceivedMail(event: ReceivedEvent, options: { timeoutMs?: number } = {}): Promise<ReadResult> {
  const config = env();
  if (config.mailMode === 'outbox') {
    return event.simulated
      ? { ok: true, content: readReceivedContent(event.simulated) }
      : { ok: false, error: 'Without Resend only a simulated reply can be read.' };
  }
  try {
    const resend = new Resend(config.RESEND_API_KEY, { baseUrl: config.RESEND_BASE_URL });
    const { data, error } = await resend.emails.receiving.get(event.emailId, undefined, {
      signal: AbortSignal.timeout(options.timeoutMs ?? READ_TIMEOUT_MS),
    });
    if (error && !error.statusCode) return { ok: false, error: `No answer from Resend: ${error.message}` };
    if (error || !data) return { ok: false, error: `Resend answered ${error?.statusCode ?? 'without an email'}: ${error?.message ?? ''}` };
    return { ok: true, content: readReceivedContent(data) };
  } catch (error) {
    return { ok: false, error: `No answer from Resend: ${errorReason(error)}` };
  }
}
