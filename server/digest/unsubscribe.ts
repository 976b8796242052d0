import 'server-only';
import { setDigestEnabled } from '@/db/queries/digest';

/** The digest's unsubscribe link, posted: no more digests, until the person turns it on again in Settings. */
export async function unsubscribeFromDigest(userId: string): Promise<boolean> {
  return setDigestEnabled(userId, false);
}
