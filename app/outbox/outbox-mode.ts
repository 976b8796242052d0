import 'server-only';
import { notFound } from 'next/navigation';
import { env } from '@/env';

/**
 * The outbox exists only while mail is kept locally. Each page asks for
 * itself: a layout renders beside its page, not before it, and is skipped
 * when the browser moves between pages under it, so it guards nothing.
 */
export function requireOutboxMode() {
  if (env().mailMode !== 'outbox') notFound();
}
