import "server-only";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/executor";
import { letterRecipients, letters, SCHEDULED } from "@/db/schema";
import type { FollowUpPlanKind } from "@/lib/follow-ups/plans";

/** Every one of the person's, those about one application, or those to one contact. */
export type PlanLettersOf =
  "all" | { applicationId: string } | { contactId: string };

/**
 * A plan's automatic letters still waiting for their time, locked until the transaction ends so no
 * sender claims one while its plan is being stopped.
 */
export async function scheduledPlanLetters(
  tx: Executor,
  userId: string,
  of: PlanLettersOf,
) {
  const about =
    of === "all"
      ? undefined
      : "applicationId" in of
        ? eq(letters.applicationId, of.applicationId)
        : inArray(
            letters.id,
            tx
              .select({ id: letterRecipients.letterId })
              .from(letterRecipients)
              .where(
                and(
                  eq(letterRecipients.userId, userId),
                  eq(letterRecipients.contactId, of.contactId),
                ),
              ),
          );
  return tx
    .select({
      id: letters.id,
      applicationId: letters.applicationId,
      plan: letters.plan,
    })
    .from(letters)
    .where(
      and(
        eq(letters.userId, userId),
        about,
        isNotNull(letters.plan),
        eq(letters.automatic, true),
        SCHEDULED(letters.status),
      ),
    )
    .for("update") as Promise<
    {
      id: string;
      applicationId: string | null;
      plan: FollowUpPlanKind | null;
    }[]
  >;
}

/**
 * Cancels scheduled letters (only while still scheduled: one a sender has
 * claimed has left), with the reason, and frees their occasions. Returns the ids cancelled.
 *
 * TODO(core): the lead's cancelLetter (server/letters/cancel-letter.ts) is the one way to cancel a letter; this
 * does the same in the caller's transaction, so a plan and its letters stop together. Fold into it once it takes a tx.
 */
export async function cancelScheduledLetters(
  tx: Executor,
  userId: string,
  letterIds: string[],
  reason: string,
): Promise<string[]> {
  if (letterIds.length === 0) return [];
  const cancelled = await tx
    .update(letters)
    .set({
      status: "cancelled",
      statusChangedAt: new Date(),
      lastError: reason,
      claimedUntil: null,
    })
    .where(
      and(
        eq(letters.userId, userId),
        inArray(letters.id, letterIds),
        SCHEDULED(letters.status),
      ),
    )
    .returning({ id: letters.id });
  const ids = cancelled.map((c) => c.id);
  if (ids.length > 0) {
    await tx
      .update(letterRecipients)
      .set({ dedupeKey: null })
      .where(
        and(
          eq(letterRecipients.userId, userId),
          inArray(letterRecipients.letterId, ids),
        ),
      );
  }
  return ids;
}
