import 'server-only';
import { db } from '@/db';
import { changeStage } from '@/db/queries/applications';
import { settlePlanLetters } from '@/server/follow-ups/settle-plan-letters';
import type { ApplicationStage } from '@/lib/pipeline/stages';

/** What a move did: how many applications moved, how many were there already, and how many are not the person's. */
export type StageMoves = { stage: ApplicationStage; moved: number; already: number; notFound: number };

/**
 * A person moves applications to a stage: from the board, the table, the
 * application's page or the dashboard. Each move is kept as history. One
 * transaction, rows taken in a fixed order, so two bulk moves cannot deadlock;
 * another person's id counts as not found and nothing happens to it.
 */
export async function moveApplications(userId: string, applicationIds: string[], stage: ApplicationStage): Promise<StageMoves> {
  const moves = await db.transaction(async (tx) => {
    const results = [];
    for (const applicationId of [...new Set(applicationIds)].sort()) {
      const move = await changeStage(userId, applicationId, stage, { tx });
      // A move can end a follow-up plan: its scheduled automatic letters go with it.
      if (move && move.from !== move.to) await settlePlanLetters(tx, userId, { applicationId });
      results.push(move);
    }
    return results;
  });
  return {
    stage,
    moved: moves.filter((m) => m && m.from !== m.to).length,
    already: moves.filter((m) => m && m.from === m.to).length,
    notFound: moves.filter((m) => !m).length,
  };
}
