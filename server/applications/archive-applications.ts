import 'server-only';
import { setArchived } from '@/db/queries/applications';

/** A person archives applications (off the board, kept in the table) or brings them back; returns how many were theirs. */
export async function archiveApplications(userId: string, applicationIds: string[], archived: boolean): Promise<number> {
  return setArchived(userId, applicationIds, archived);
}
